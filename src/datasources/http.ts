/**
 * The one way the gateway speaks HTTP to an upstream. Each upstream client owns an UpstreamHttp:
 * - an undici Agent with connect/headers/body timeouts, and undici's retry interceptor composed on for
 *   idempotent GETs only (a POST that may have acted upstream is never re-sent blindly);
 * - a cockatiel circuit breaker: after N consecutive transport failures or 5xx the upstream is left
 *   alone for a while and calls fail fast with UPSTREAM_UNAVAILABLE;
 * - metrics by provider, route template and status;
 * - error mapping: network failure, 5xx or open breaker → UPSTREAM_UNAVAILABLE, timeout →
 *   UPSTREAM_TIMEOUT, 429 → RATE_LIMITED, all with `provider`. Other 4xx answers go through the
 *   provider's `rejectionOf` hook once and are thrown as an UpstreamRejection with a `kind` (see
 *   rejection.ts); one that nobody handles surfaces as UPSTREAM_UNAVAILABLE without the upstream body.
 * - every call belongs to an operation (`request.scope`): its signal (the operation's deadline)
 *   aborts the call, retries included, as UPSTREAM_TIMEOUT;
 * - an upstream's 429 is honoured per route: until its Retry-After has passed no call goes out on that
 *   route (answered RATE_LIMITED with `retryAfterSeconds`, without calling); a GET waits it out and
 *   retries when the wait fits in the operation's deadline. 429s never open the breaker.
 */
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { SpanStatusCode } from '@opentelemetry/api';
import { Agent, interceptors, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { ErrorCode, PROVIDER_NAMES, UpstreamBadResponseError, UpstreamError, type Provider } from '../errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Span, Tracing } from '../observability/tracing';
import { deadlineReason, type OperationScope } from '../scope';
import { UpstreamRejection, type RejectionOf } from './rejection';

export interface UpstreamHttpOptions {
  provider: Provider;
  baseUrl: string;
  timeoutMs: number;
  /** Retries of idempotent GETs on connection errors and 5xx. */
  retries: number;
  breaker: { failures: number; halfOpenMs: number };
  metrics: Metrics;
  /** Names what a 4xx answer means for this provider (rejection.ts). */
  rejectionOf?: RejectionOf;
  /** For tests: a dispatcher such as undici's MockAgent instead of a real Agent. */
  dispatcher?: Dispatcher;
  /** Where an answer that fails its wire schema is reported (paths and zod codes, never the body). */
  logger?: Logger;
  /** A span per call, child of the operation's, with `traceparent` sent upstream (when tracing is on). */
  tracing?: Tracing;
}

export interface UpstreamRequest {
  /** The operation this call belongs to (background work passes a background scope). */
  scope: OperationScope;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, already filled in: `/wallet/tokens/tok_1`. */
  path: string;
  /** Route template for metrics: `/wallet/tokens/:tokenId`. Never put ids in it. */
  route: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface UpstreamResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** One call as it goes: its trace span (if any) and how many attempts the transport made. */
interface Call {
  span?: Span;
  attempts: { count: number };
}

/**
 * Counts each attempt of a request (it sits inside undici's retry interceptor, so it sees every
 * retry), for the `upstream.retries` of the call's span. The count rides on the request options.
 */
const countAttempts: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const attempts = (opts as { attempts?: { count: number } }).attempts;
  if (attempts) attempts.count++;
  return dispatch(opts, handler);
};

/** What a client is told to wait when a 429 gives no Retry-After (the route is not held back then). */
const HINT_RETRY_AFTER_MS = 1_000;
/** A wait for a 429's Retry-After leaves at least this much of the deadline for the retry itself. */
const RETRY_MARGIN_MS = 250;

/** An upstream said "not now" (429): `retryAfterMs` from its Retry-After header, when it gave one. */
export class UpstreamRateLimited extends UpstreamError {
  constructor(
    provider: Provider,
    readonly retryAfterMs: number | undefined,
    status?: number,
  ) {
    const seconds = Math.max(1, Math.ceil((retryAfterMs ?? HINT_RETRY_AFTER_MS) / 1000));
    super(provider, ErrorCode.RATE_LIMITED, `${PROVIDER_NAMES[provider]} is rate limiting the gateway; retry in ${seconds} s`, status);
    this.extensions.retryAfterSeconds = seconds;
    this.name = 'UpstreamRateLimited';
  }
}

export class UpstreamHttp {
  readonly provider: Provider;
  private readonly base: URL;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly breaker: CircuitBreakerPolicy;
  /** `METHOD route` → epoch ms before which that route is not called (an upstream's Retry-After). */
  private readonly notBefore = new Map<string, number>();

  constructor(private readonly options: UpstreamHttpOptions) {
    this.provider = options.provider;
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.ownsDispatcher = !options.dispatcher;
    const agent =
      options.dispatcher ??
      new Agent({
        connectTimeout: Math.min(options.timeoutMs, 5_000),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        keepAliveTimeout: 4_000,
        connections: 64,
      });
    this.dispatcher = agent.compose(
      countAttempts,
      interceptors.retry({
        maxRetries: options.retries,
        methods: ['GET'],
        statusCodes: [502, 503, 504],
        minTimeout: 100,
        maxTimeout: 1_000,
        timeoutFactor: 2,
        // Give us the last answer instead of a RequestRetryError, so one place maps statuses.
        throwOnError: false,
      }),
    );
    this.breaker = circuitBreaker(
      handleWhen((err) => err instanceof UpstreamError && !(err instanceof UpstreamRejection) && err.code !== ErrorCode.RATE_LIMITED),
      { halfOpenAfter: options.breaker.halfOpenMs, breaker: new ConsecutiveBreaker(options.breaker.failures) },
    );
  }

  /**
   * Sends a request; a 2xx answer's JSON body is checked against `schema` (the wire shape) and returned
   * as parsed, anything else throws (see file header). A body that does not fit is the upstream's
   * fault: UPSTREAM_UNAVAILABLE with `reason: BAD_RESPONSE`, naming the route only, and logged with the
   * paths and kinds of what did not fit — never values (the body may hold codes and tokens).
   */
  async json<S extends z.ZodType>(request: UpstreamRequest, schema: S): Promise<z.output<S>> {
    const { body } = await this.send<unknown>(request);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(answer)'}: ${issue.code}`);
      this.options.logger?.warn({ provider: this.provider, route: `${request.method} ${request.route}`, problems }, 'upstream answer does not fit its wire schema');
      throw new UpstreamBadResponseError(this.provider, `${PROVIDER_NAMES[this.provider]} answered ${request.method} ${request.route} in an unexpected shape`);
    }
    return parsed.data;
  }

  /** The raw answer with status and headers, its body unchecked (e.g. for a 302); 4xx/5xx throw as in `json`. */
  async send<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const call: Call = {
      span: this.options.tracing?.startUpstream(request.scope.span, `${PROVIDER_NAMES[this.provider]} ${request.method} ${request.route}`, {
        'upstream.provider': this.provider,
        'upstream.route': request.route,
        'http.request.method': request.method,
      }),
      attempts: { count: 0 },
    };
    try {
      for (let retries = this.options.retries; ; retries--) {
        try {
          const answer = await this.attempt<T>(request, call);
          call.span?.setAttribute('http.response.status_code', answer.status);
          return answer;
        } catch (err) {
          // A GET told to come back later waits when it can still answer within the operation's deadline.
          if (!(err instanceof UpstreamRateLimited) || err.retryAfterMs === undefined || request.method !== 'GET' || retries <= 0) throw err;
          // Work without a deadline (a background sync) waits no longer than one call may take.
          const latest = Math.min(request.scope.deadline, Date.now() + this.options.timeoutMs);
          if (Date.now() + err.retryAfterMs + RETRY_MARGIN_MS > latest) throw err;
          await this.pause(request, err.retryAfterMs);
        }
      }
    } catch (err) {
      if (call.span) {
        const { code, upstreamStatus } = (err as UpstreamError).extensions ?? {};
        if (typeof upstreamStatus === 'number') call.span.setAttribute('http.response.status_code', upstreamStatus);
        call.span.setStatus({ code: SpanStatusCode.ERROR, message: String(code ?? 'error') });
      }
      throw err;
    } finally {
      if (call.span) {
        call.span.setAttribute('upstream.retries', Math.max(0, call.attempts.count - 1));
        call.span.end();
      }
    }
  }

  private async attempt<T>(request: UpstreamRequest, call: Call): Promise<UpstreamResponse<T>> {
    const key = `${request.method} ${request.route}`;
    const notBefore = this.notBefore.get(key);
    if (notBefore !== undefined) {
      if (notBefore > Date.now()) {
        this.observe(request, 'retry_after', 0);
        throw new UpstreamRateLimited(this.provider, notBefore - Date.now());
      }
      this.notBefore.delete(key);
    }
    try {
      return await this.breaker.execute(() => this.once<T>(request, call));
    } catch (err) {
      if (err instanceof UpstreamRateLimited && err.retryAfterMs !== undefined) this.notBefore.set(key, Date.now() + err.retryAfterMs);
      if (err instanceof BrokenCircuitError) {
        this.observe(request, 'breaker_open', 0);
        throw new UpstreamError(
          this.provider,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          `${PROVIDER_NAMES[this.provider]} is unavailable (recent calls failed; retrying shortly)`,
        );
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async once<T>(request: UpstreamRequest, call: Call): Promise<UpstreamResponse<T>> {
    const url = new URL(request.path.replace(/^\//, ''), this.base);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (call.span) this.options.tracing!.inject(call.span, headers);
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    // The overall budget, across retries (undici's own timeouts bound each attempt), or the operation's
    // deadline when that comes first.
    const { signal, release } = callSignal(request.scope, this.options.timeoutMs * (request.method === 'GET' ? this.options.retries + 1 : 1));
    try {
      return await this.exchange<T>(request, call, url, headers, body, signal, started);
    } finally {
      release();
    }
  }

  private async exchange<T>(request: UpstreamRequest, call: Call, url: URL, headers: Record<string, string>, body: string | undefined, signal: AbortSignal, started: number): Promise<UpstreamResponse<T>> {
    let response: Dispatcher.ResponseData;
    try {
      response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        body,
        signal,
        attempts: call.attempts,
      } as Dispatcher.RequestOptions);
    } catch (err) {
      throw this.transportError(request, signal.aborted ? signal.reason : err, started);
    }
    const status = response.statusCode;
    let parsed: unknown;
    try {
      const text = await response.body.text();
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch (err) {
      if (status >= 500) parsed = undefined;
      else if (signal.aborted || isTimeout(err)) throw this.transportError(request, signal.aborted ? signal.reason : err, started);
      else {
        this.observe(request, String(status), started);
        const message = `${PROVIDER_NAMES[this.provider]} answered with a body that is not JSON`;
        throw status < 400 ? new UpstreamBadResponseError(this.provider, message) : new UpstreamError(this.provider, ErrorCode.UPSTREAM_UNAVAILABLE, message, status);
      }
    }
    this.observe(request, String(status), started);
    if (status >= 500) {
      throw new UpstreamError(this.provider, ErrorCode.UPSTREAM_UNAVAILABLE, `${PROVIDER_NAMES[this.provider]} is unavailable (HTTP ${status})`, status);
    }
    if (status === 429) throw new UpstreamRateLimited(this.provider, retryAfterMs(response.headers['retry-after']), status);
    if (status >= 400) {
      const rejection = this.options.rejectionOf?.({ status, body: parsed, method: request.method, route: request.route });
      throw new UpstreamRejection(this.provider, status, request.route, rejection);
    }
    return { status, headers: response.headers, body: parsed as T };
  }

  /** Waits `ms` for a Retry-After; the operation's deadline ends the wait as a timeout. */
  private pause(request: UpstreamRequest, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = request.scope.signal;
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.transportError(request, signal.reason, 0));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private transportError(request: UpstreamRequest, err: unknown, started: number): UpstreamError {
    const timeout = isTimeout(err);
    this.observe(request, timeout ? 'timeout' : 'network_error', started);
    const name = PROVIDER_NAMES[this.provider];
    return timeout
      ? new UpstreamError(this.provider, ErrorCode.UPSTREAM_TIMEOUT, `${name} did not answer in time`)
      : new UpstreamError(this.provider, ErrorCode.UPSTREAM_UNAVAILABLE, `${name} is unreachable`);
  }

  private observe(request: UpstreamRequest, status: string, started: number): void {
    const labels = { provider: this.provider, route: `${request.method} ${request.route}`, status };
    this.options.metrics.upstreamRequests.inc(labels);
    if (started > 0) this.options.metrics.upstreamDuration.observe(labels, (performance.now() - started) / 1000);
  }
}

/**
 * The signal one call listens to: the operation's own when its deadline comes before the call's budget
 * (an operation's usual case: nothing to arm), else one that aborts at the budget or with the operation,
 * whose timer `release` clears as soon as the call is done.
 */
function callSignal(scope: OperationScope, budgetMs: number): { signal: AbortSignal; release: () => void } {
  const budgetEnd = Date.now() + budgetMs;
  if (scope.deadline <= budgetEnd) return { signal: scope.signal, release: () => {} };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(deadlineReason()), budgetMs);
  timer.unref();
  const outer = scope.signal;
  const forward = (): void => controller.abort(outer.reason);
  if (outer.aborted) forward();
  else outer.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      outer.removeEventListener('abort', forward);
    },
  };
}

function isTimeout(err: unknown): boolean {
  // Duck-typed: AbortSignal's TimeoutError is a DOMException, not always an `Error` of this realm.
  if (typeof err !== 'object' || err === null) return false;
  const { name, code, cause } = err as { name?: string; code?: string; cause?: unknown };
  return name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code)) || (cause !== undefined && isTimeout(cause));
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in ms from now; undefined when absent or unreadable. */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
