/* The README's App2App walk-through as a reader runs it: prepare, follow the request, approve it. */
import { answers, graphqlOperations, readmeSection, runShell, shellBlocks } from '../helpers/readme';
import { eventually, wallet } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

const section = () => readmeSection('## Walk-through: Klip App2App (prepare, subscribe, approve)');

let stack: Stack;
beforeAll(async () => {
  // As `npm start` wires its embedded sandbox: a sandbox reset resets what the gateway derived from it.
  stack = await startStack({ followResets: true, env: { APP2APP_POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack.stop());

/** The GraphQL blocks once: prepare, follow, open, approve; answers the request key. */
async function walkThrough(): Promise<string> {
  const op = graphqlOperations(section());
  expect([...op.keys()].sort()).toEqual(['FollowRequest', 'PrepareAuth']);
  const prepared = await stack.gql(op.get('PrepareAuth')!, undefined, { sub: 'a2a-readme' });
  expect(prepared.errors).toBeUndefined();
  const key = prepared.data.prepareApp2App.request.requestKey as string;

  const updates = subscribe(stack.wsClient({ sub: 'a2a-readme' }), op.get('FollowRequest')!, { key });
  await updates.waitFor(1);
  await wallet(stack, key).open();
  await updates.waitFor(2);
  await wallet(stack, key).approve();
  const { events, error } = await updates.done;
  expect(error).toBeUndefined();
  expect(events.map((e) => e.data?.app2appRequest.status)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
  return key;
}

it('the GraphQL blocks: prepare, then follow the request through REQUESTED to COMPLETED; again after the README’s rerun step', async () => {
  const first = await walkThrough();
  const reset = await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' });
  expect(reset.status).toBe(200);
  expect(await walkThrough()).not.toBe(first);
});

it('the curl forms: prepare, follow over SSE while the sandbox opens and approves, then the linked address', async () => {
  const blocks = shellBlocks(section());
  expect(blocks).toHaveLength(4);
  const [prepare, follow, approve, linked] = blocks;
  const env = { API: stack.baseUrl, TOKEN: await stack.token('a2a-curl'), SANDBOX: stack.sandbox.url };

  const prepared = await runShell(prepare!, env);
  const [answer] = answers(prepared.stdout);
  expect(answer).toMatchObject({ data: { prepareApp2App: { request: { status: 'PREPARED' }, userErrors: [] } } });
  const KEY = answer.data.prepareApp2App.request.requestKey as string;

  // Tab 3's two commands, each once tab 2 shows the state before it (as a reader would run them).
  const [open, approveLine] = approve!.split('\n').filter((line) => line.trim() !== '');
  const acted: Array<Promise<unknown>> = [];
  const followed = await runShell(follow!, { ...env, KEY }, {
    onStdout: (all) => {
      if (acted.length === 0 && all.includes('"PREPARED"')) acted.push(runShell(open!, { ...env, KEY }));
      if (acted.length === 1 && all.includes('"REQUESTED"')) acted.push(runShell(approveLine!, { ...env, KEY }));
    },
  });
  expect(await Promise.all(acted)).toEqual([expect.objectContaining({ code: 0 }), expect.objectContaining({ code: 0 })]);
  expect(followed.code).toBe(0);
  const events = [...followed.stdout.matchAll(/^event: (\w+)(?:\ndata: (.*))?$/gm)].map(([, event, data]) => (event === 'next' ? JSON.parse(data!).data.app2appRequest.status : event));
  expect(events).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED', 'complete']);

  await eventually(async () => {
    const run = await runShell(linked!, env);
    expect(answers(run.stdout)).toEqual([{ data: { viewer: { klaytnAddress: '0xa11ce00000000000000000000000000000000001' } } }]);
  });
});
