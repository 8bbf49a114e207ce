import fs from 'node:fs';
import path from 'node:path';
import { startStack, type Stack } from '../helpers/stack';

/* The README's Kigo walk-through, block by block, as alice, bob and carol would paste it. */

const HEADING = '## Walk-through: Kigo tokens (share as alice, claim as bob)';

function walkThroughOperations(): Map<string, string> {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(HEADING);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + HEADING.length);
  const section = rest.slice(0, rest.search(/\n## /) >= 0 ? rest.search(/\n## /) : undefined);
  const operations = new Map<string, string>();
  for (const [, body] of section.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const name = /^(?:query|mutation)\s+(\w+)/m.exec(body!)![1]!;
    operations.set(name, body!);
  }
  return operations;
}

let stack: Stack;
beforeAll(async () => {
  // As `npm start` wires its embedded sandbox: a sandbox reset resets what the gateway derived from it.
  stack = await startStack({ followResets: true });
});
afterAll(() => stack.stop());

/** The walk-through once; answers the claim code it got. */
async function walkThrough(): Promise<string> {
  const op = walkThroughOperations();
  expect([...op.keys()].sort()).toEqual(['AliceWallet', 'CancelShare', 'ClaimCoffeeCard', 'PreviewClaim', 'ShareCoffeeCard']);
  const run = async (name: string, sub: string, variables?: Record<string, unknown>) => {
    const res = await stack.gql(op.get(name)!, variables, { sub });
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  const before = await run('AliceWallet', 'alice');
  expect(before.viewer.tokens).toMatchObject({ totalCount: 26, pageInfo: { hasNextPage: true }, nodes: expect.arrayContaining([expect.objectContaining({ tokenId: 'tok_alice_01' })]) });

  const shared = (await run('ShareCoffeeCard', 'alice')).shareToken;
  expect(shared).toMatchObject({ userErrors: [], claimCode: expect.any(String), token: { tokenId: 'tok_alice_01', status: 'SHARE_PENDING' } });
  expect((await run('ShareCoffeeCard', 'alice')).shareToken).toEqual(shared);

  const code = shared.claimCode;
  expect((await run('PreviewClaim', 'bob', { code })).claimPreview).toMatchObject({ tokenId: 'tok_alice_01', value: { amount: '25.00', currency: 'USD' } });
  const claimed = (await run('ClaimCoffeeCard', 'bob', { code })).claimToken;
  expect(claimed).toMatchObject({ userErrors: [], token: { tokenId: 'tok_alice_01', status: 'ACTIVE' } });
  expect((await run('ClaimCoffeeCard', 'bob', { code })).claimToken).toEqual(claimed);
  expect((await run('ClaimCoffeeCard', 'carol', { code })).claimToken.userErrors.map((e: { code: string }) => e.code)).toEqual(['CLAIM_CODE_INVALID']);
  expect((await run('AliceWallet', 'alice')).viewer.tokens.totalCount).toBe(25);

  expect((await run('CancelShare', 'alice')).cancelTokenShare.userErrors.map((e: { code: string }) => e.code)).toEqual(['SHARE_NOT_PENDING']);
  await stack.gql('mutation { shareToken(input: { tokenId: "tok_alice_03" }) { claimCode } }', undefined, { sub: 'alice' });
  expect((await run('CancelShare', 'alice')).cancelTokenShare).toEqual({ token: { tokenId: 'tok_alice_03', status: 'ACTIVE' }, userErrors: [] });
  return code;
}

let firstCode: string;

it('works as written: alice shares, bob previews and claims, alice cancels another share', async () => {
  firstCode = await walkThrough();
});

it('works again, as written, after the README’s rerun step (POST /_sandbox/reset)', async () => {
  const reset = await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' });
  expect(reset.status).toBe(200);
  // The same clientMutationIds act again: a new code, not the first run's (which the reset killed).
  expect(await walkThrough()).not.toBe(firstCode);
});
