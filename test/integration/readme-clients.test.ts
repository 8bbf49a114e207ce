/**
 * The README's client set-ups (Clients), each run as a reader runs it: `node client.mjs` in this
 * repository with TOKEN and KEY, against a live gateway, while the test approves the App2App request
 * in the sandbox wallet. Also the curl set-up, and the graphql-ws set-up refusing a bad token at once.
 */
import { prepareRequest, wallet } from '../helpers/app2app';
import { answers, runShell, runSnippet, snippet } from '../helpers/readme';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack.stop());

const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

/** Runs the snippet as alice, following a fresh request; the wallet opens and approves as each state shows. */
async function followWithSnippet(name: string) {
  const request = await prepareRequest(stack, 'alice', { type: 'AUTH' });
  const acted = new Set<string>();
  const act = (all: string) => {
    for (const [state, action] of [['PREPARED', 'open'], ['REQUESTED', 'approve']] as const) {
      if (all.includes(state) && !acted.has(action)) {
        acted.add(action);
        void wallet(stack, request.requestKey)[action]();
      }
    }
  };
  return runSnippet(name, { API: stack.baseUrl, TOKEN: await stack.token('alice'), KEY: request.requestKey }, { onStdout: act });
}

it('curl set-up: gql answers viewer { id } as the comment says', async () => {
  const run = await runShell(snippet('curl-setup'), { API: stack.baseUrl, TOKEN: await stack.token('alice') });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const expected = /# (\{"data".*\})$/m.exec(snippet('curl-setup'))![1]!;
  expect(answers(run.stdout)).toEqual([JSON.parse(expected)]);
});

it.each(['apollo-split', 'urql'])('%s: reads the first page of the wallet by edges, then follows the request to COMPLETED', async (name) => {
  const run = await followWithSnippet(name);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(lines(run.stdout)).toEqual([expect.stringMatching(/^[^,]+, [^,]+, [^,]+$/), 'PREPARED', 'REQUESTED', 'COMPLETED']);
});

it.each(['apollo-http', 'graphql-ws', 'graphql-sse'])('%s: follows the request to COMPLETED', async (name) => {
  const run = await followWithSnippet(name);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(lines(run.stdout)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
});

it('graphql-ws: a refused token is reported at once with its reason, not retried', async () => {
  const started = Date.now();
  const run = await runSnippet('graphql-ws', { API: stack.baseUrl, TOKEN: 'not-a-jwt', KEY: 'any' });
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 1, stdout: '', stderr: 'refused: 4403 connection_init authorization: Token is malformed\n' });
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('graphql-sse: a refused token comes back in the stream, at once', async () => {
  const run = await runSnippet('graphql-sse', { API: stack.baseUrl, TOKEN: 'not-a-jwt', KEY: 'any' });
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: 'Token is malformed\n', stderr: '' });
});
