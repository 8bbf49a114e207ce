/**
 * Issue 10's attack probes, measured: how long the gateway takes to refuse each, with what code, and
 * how many upstream calls it cost (the sandbox counts calls as they arrive). The payloads are the
 * issue's sizes. `npm run bench -- probes`.
 */
import type { Scenario } from './scenario';
import { round } from './measure';

async function timedPost(url: string, query: string, token?: string): Promise<{ ms: number; status: number; code: string; bodyBytes: number }> {
  const body = JSON.stringify({ query });
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const text = await res.text();
  const ms = performance.now() - started;
  const code = String((JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code ?? 'ok');
  return { ms: round(ms, 1), status: res.status, code, bodyBytes: text.length };
}

export const probes: Scenario = {
  name: 'probes',
  description: "issue 10's probes: time to refuse, the code, and upstream calls",
  async run(stack) {
    const token = await stack.token('alice');
    const id = Buffer.from('Token:tok_alice_01').toString('base64url');
    let schemaDump = '';
    for (let i = 0; schemaDump.length < 503_000; i++) schemaDump += `a${i}: __schema { types { name kind fields { name type { name kind } args { name } } } }\n`;
    const cases: Array<[string, string, string | undefined]> = [
      ['6,000 aliased __schema dumps (503 KB), no token', `{ ${schemaDump} }`, undefined],
      ['5,000 aliases of viewer { tokens(first: 100) }', `{ ${Array.from({ length: 5000 }, (_, i) => `v${i}: viewer { tokens(first: 100) { nodes { id } } }`).join(' ')} }`, token],
      ['500 node() aliases', `{ ${Array.from({ length: 500 }, (_, i) => `n${i}: node(id: "${id}") { id }`).join(' ')} }`, token],
      ['5 × nodes(ids: [100 ids])', `{ ${Array.from({ length: 5 }, (_, i) => `m${i}: nodes(ids: ${JSON.stringify(Array(100).fill(id))}) { id }`).join(' ')} }`, token],
    ];
    const metrics: Record<string, string> = {};
    for (const [name, query, bearer] of cases) {
      await stack.control('DELETE', '/_sandbox/stats');
      // Best of three: the first pays for warm-up.
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await timedPost(stack.graphqlUrl, query, bearer));
      const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
      const { requests } = (await stack.control('GET', '/_sandbox/stats')) as { requests: Record<string, number> };
      const calls = Object.values(requests).reduce((a, b) => a + b, 0);
      metrics[name] = `HTTP ${best.status} ${best.code} in ${best.ms} ms (client-side, incl. sending ${Math.round(query.length / 1024)} KB), ${calls} upstream calls, ${best.bodyBytes} B answer`;
    }
    return { metrics };
  },
};
