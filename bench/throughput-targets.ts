/**
 * What the throughput benchmark loads. A **server** is a process: the sandbox, bare Apollo, or a
 * gateway process with some extra env; a **target** is one fixed request to one server. Adding a
 * variant (say, tracing sampled at 10 %) is a server entry with its env plus a target that names it,
 * and, when it should be compared with something, a ratio entry:
 *
 *   SERVERS: { name: 'gateway-trace-10', kind: 'gateway', env: { TRACING_SAMPLE_RATIO: '0.1' } }
 *   TARGETS: graphqlTarget('gateway-tokens-trace-10', 'gateway-trace-10', 'tokens, tracing 10 %', TOKENS_QUERY, 'alice', checkTokens)
 *   RATIOS:  { label: 'tokens: tracing 10 % ÷ off', numerator: 'gateway-tokens-trace-10', denominator: 'gateway-tokens' }
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { SANDBOX_CREDENTIALS } from '../sandbox/provider';
import type { HttpRequest } from './load';

export interface ServerDef {
  name: string;
  kind: 'gateway' | 'bare-apollo';
  /** Added to (and overriding) the gateway's benchmark environment. */
  env?: Record<string, string>;
  /** The built checkout to run (its `dist/`); default this one. `--baseline=DIR` runs another beside it. */
  dist?: string;
  /** Needs an OTLP/HTTP receiver: its URL is set as OTEL_EXPORTER_OTLP_ENDPOINT. */
  otlp?: boolean;
}

/** `sandbox` is always running; every other server named by a chosen target is started for the run. */
export const SERVERS: ServerDef[] = [
  { name: 'gateway', kind: 'gateway' },
  { name: 'bare-apollo', kind: 'bare-apollo' },
  { name: 'gateway-trace-10', kind: 'gateway', otlp: true, env: { OTEL_TRACES_SAMPLER_ARG: '0.1' } },
  { name: 'gateway-trace-100', kind: 'gateway', otlp: true, env: { OTEL_TRACES_SAMPLER_ARG: '1' } },
  { name: 'gateway-graphql-js', kind: 'gateway', env: { GRAPHQL_JIT: 'false' } },
];

/** What building a target's request needs: where each server is and the credentials. */
export interface TargetContext {
  urls: Record<string, string>;
  /** Viewer JWTs (HS256, the gateway's secret) by name: `alice`, `admin`. */
  jwts: { alice: string; admin: string };
  /** Kigo user session of alice (the wallet the gateway lists for the alice JWT). */
  kigoAccessToken: string;
  /** Klip partner access token (sent raw in Authorization). */
  klipToken: string;
}

export interface Target {
  name: string;
  label: string;
  /** `sandbox` or a SERVERS name. */
  server: string;
  request(ctx: TargetContext): HttpRequest;
  /** Why a sample answer is not what this target must answer, or undefined when it is. */
  check(status: number, body: string): string | undefined;
  /** Sandbox stats key prefix of the upstream call this target stands for (counted per request). */
  upstreamRoute?: string;
  /** Run only when named in --targets (a variant for a question of the moment, not the standing table). */
  optional?: boolean;
}

export interface RatioDef {
  label: string;
  numerator: string;
  denominator: string;
}

const KIGO_PAGE = 'GET /kigo/api/v1/wallet/tokens';
const KLIP_PAGE = 'GET /klip/v2/wallet/bapp';
export const TOKENS_QUERY = 'query BenchTokens { viewer { tokens(first: 20) { nodes { id name } } } }';
export const VIEWER_QUERY = 'query BenchViewer { viewer { id } }';
export const PARTNER_CARDS_QUERY = 'query BenchPartnerCards { partnerCards(first: 20) { nodes { id name } } }';

export const TARGETS: Target[] = [
  {
    name: 'kigo-direct',
    label: 'Kigo wallet page, straight from the sandbox (GET /wallet/tokens?limit=20)',
    server: 'sandbox',
    request: (ctx) => ({ method: 'GET', url: `${ctx.urls.sandbox}/kigo/api/v1/wallet/tokens?offset=0&limit=20`, headers: { authorization: `Bearer ${ctx.kigoAccessToken}` } }),
    check: json((b: { data?: unknown[] }) => (b.data?.length === 20 ? undefined : `expected 20 tokens, got ${b.data?.length}`)),
    upstreamRoute: KIGO_PAGE,
  },
  graphqlTarget('gateway-tokens', 'gateway', 'the same page through the gateway: viewer { tokens(first: 20) { nodes { id name } } }', TOKENS_QUERY, 'alice', checkTokens, KIGO_PAGE),
  graphqlTarget('bare-viewer', 'bare-apollo', 'bare Apollo Server 5 on express 5: { viewer { id } }', VIEWER_QUERY, 'alice', checkViewer),
  graphqlTarget('gateway-viewer', 'gateway', 'the gateway: { viewer { id } } (no upstream)', VIEWER_QUERY, 'alice', checkViewer),
  {
    name: 'klip-direct',
    label: 'Klip partner card page, straight from the sandbox (GET /wallet/bapp, 100 cards)',
    server: 'sandbox',
    request: (ctx) => ({ method: 'GET', url: `${ctx.urls.sandbox}/klip/v2/wallet/bapp`, headers: { authorization: ctx.klipToken } }),
    check: json((b: { bapps?: Array<{ cards?: unknown[] }> }) => ((b.bapps?.[0]?.cards?.length ?? 0) >= 20 ? undefined : 'expected a page of cards')),
    upstreamRoute: KLIP_PAGE,
  },
  graphqlTarget('gateway-tokens-trace-10', 'gateway-trace-10', 'tokens with tracing sampled at 10 % (OTLP export to a local receiver)', TOKENS_QUERY, 'alice', checkTokens, KIGO_PAGE),
  graphqlTarget('gateway-tokens-trace-100', 'gateway-trace-100', 'tokens with tracing sampled at 100 % (OTLP export to a local receiver)', TOKENS_QUERY, 'alice', checkTokens, KIGO_PAGE),
  { ...graphqlTarget('gateway-tokens-graphql-js', 'gateway-graphql-js', 'tokens executed by graphql-js (GRAPHQL_JIT=false)', TOKENS_QUERY, 'alice', checkTokens, KIGO_PAGE), optional: true },
  { ...graphqlTarget('gateway-viewer-graphql-js', 'gateway-graphql-js', '{ viewer { id } } executed by graphql-js (GRAPHQL_JIT=false)', VIEWER_QUERY, 'alice', checkViewer), optional: true },
  graphqlTarget('gateway-partner-cards', 'gateway', 'the gateway: partnerCards(first: 20) { nodes { id name } } (admin)', PARTNER_CARDS_QUERY, 'admin', (d: { partnerCards?: { nodes?: unknown[] } }) =>
    d.partnerCards?.nodes?.length === 20 ? undefined : 'expected 20 card nodes', KLIP_PAGE),
];

export const RATIOS: RatioDef[] = [
  { label: 'gateway tokens ÷ direct Kigo page', numerator: 'gateway-tokens', denominator: 'kigo-direct' },
  { label: 'gateway viewer ÷ bare Apollo', numerator: 'gateway-viewer', denominator: 'bare-viewer' },
  { label: 'gateway partnerCards ÷ direct Klip page', numerator: 'gateway-partner-cards', denominator: 'klip-direct' },
  { label: 'tokens: tracing 10 % ÷ off', numerator: 'gateway-tokens-trace-10', denominator: 'gateway-tokens' },
  { label: 'tokens: tracing 100 % ÷ off', numerator: 'gateway-tokens-trace-100', denominator: 'gateway-tokens' },
  { label: 'tokens: graphql-jit ÷ graphql-js', numerator: 'gateway-tokens', denominator: 'gateway-tokens-graphql-js' },
  { label: 'viewer: graphql-jit ÷ graphql-js', numerator: 'gateway-viewer', denominator: 'gateway-viewer-graphql-js' },
];

/**
 * `--baseline=DIR`: another built checkout of the gateway (say, the commit before a change) run beside
 * this one, its tokens and viewer queries interleaved with ours, so a before/after is measured in one run.
 */
export function baselineVariant(dist: string): { server: ServerDef; targets: Target[]; ratios: RatioDef[] } {
  return {
    server: { name: 'gateway-baseline', kind: 'gateway', dist },
    targets: [
      graphqlTarget('baseline-tokens', 'gateway-baseline', `tokens through the baseline gateway (${dist})`, TOKENS_QUERY, 'alice', checkTokens, KIGO_PAGE),
      graphqlTarget('baseline-viewer', 'gateway-baseline', `{ viewer { id } } through the baseline gateway (${dist})`, VIEWER_QUERY, 'alice', checkViewer),
    ],
    ratios: [
      { label: 'tokens: this gateway ÷ baseline', numerator: 'gateway-tokens', denominator: 'baseline-tokens' },
      { label: 'viewer: this gateway ÷ baseline', numerator: 'gateway-viewer', denominator: 'baseline-viewer' },
      { label: 'baseline tokens ÷ direct Kigo page', numerator: 'baseline-tokens', denominator: 'kigo-direct' },
      { label: 'baseline viewer ÷ bare Apollo', numerator: 'baseline-viewer', denominator: 'bare-viewer' },
    ],
  };
}

function graphqlTarget<D>(
  name: string,
  server: string,
  label: string,
  query: string,
  as: keyof TargetContext['jwts'],
  checkData: (data: D) => string | undefined,
  upstreamRoute?: string,
): Target {
  const body = JSON.stringify({ query });
  return {
    name,
    label,
    server,
    upstreamRoute,
    request: (ctx) => ({
      method: 'POST',
      url: `${ctx.urls[server]}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.jwts[as]}` },
      body,
    }),
    check: json((b: { data?: D; errors?: unknown[] }) => (b.errors ? `GraphQL errors: ${JSON.stringify(b.errors).slice(0, 300)}` : b.data ? checkData(b.data) : 'no data')),
  };
}

function checkTokens(d: { viewer?: { tokens?: { nodes?: unknown[] } } }): string | undefined {
  return d.viewer?.tokens?.nodes?.length === 20 ? undefined : 'expected 20 token nodes';
}

function checkViewer(d: { viewer?: { id?: unknown } | null }): string | undefined {
  return typeof d.viewer?.id === 'string' && d.viewer.id !== '' ? undefined : 'expected viewer.id';
}

/** A check of status 200 and a JSON body. */
function json<B>(checkBody: (body: B) => string | undefined): Target['check'] {
  return (status, text) => {
    if (status !== 200) return `HTTP ${status}: ${text.slice(0, 300)}`;
    try {
      return checkBody(JSON.parse(text) as B);
    } catch (err) {
      return `not JSON (${(err as Error).message}): ${text.slice(0, 100)}`;
    }
  };
}

/** The credentials every target may need, obtained the way the gateway obtains them. */
export async function obtainCredentials(sandboxUrl: string, jwtSecret: string): Promise<Omit<TargetContext, 'urls'>> {
  const sign = (sub: string, roles: string[]) => viewerJwt(jwtSecret, sub, roles);

  const { kigo, klip } = SANDBOX_CREDENTIALS;
  const partner = await postJson<{ session_token: string }>(`${sandboxUrl}/kigo/api/v1/auth/partner`, { api_key: kigo.apiKey, partner_id: kigo.partnerId });
  const user = await postJson<{ access_token: string }>(`${sandboxUrl}/kigo/api/v1/auth/user`, { external_user_id: 'alice' }, `Bearer ${partner.session_token}`);
  const password = createHash('sha256').update(klip.partnerPassword).digest('hex');
  const klipLogin = await postJson<{ access_token: string }>(`${sandboxUrl}/klip/v2/partner/auth`, { email: klip.partnerEmail, password });

  return {
    jwts: { alice: await sign('alice', []), admin: await sign('bench-admin', ['admin']) },
    kigoAccessToken: user.access_token,
    klipToken: klipLogin.access_token,
  };
}

/** A viewer JWT as the gateway verifies it (HS256 with AUTH_JWT_SECRET), living 2 hours. */
export function viewerJwt(jwtSecret: string, sub: string, roles: string[] = []): Promise<string> {
  const key = new TextEncoder().encode(jwtSecret);
  return new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt().setExpirationTime('2h').sign(key);
}

async function postJson<T>(url: string, body: unknown, authorization?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
