import { answers, graphqlOperations, readmeSection, runShell, shellBlocks } from '../helpers/readme';
import { startStack, type Stack } from '../helpers/stack';

/* The README's Kigo walk-through, block by block, as alice, bob and carol would paste it: the GraphQL
 * into an IDE, and the curl forms into a terminal. */

const section = () => readmeSection('## Walk-through: Kigo tokens (share as alice, claim as bob)');

describe('the GraphQL blocks', () => {
  let stack: Stack;
  beforeAll(async () => {
    // As `npm start` wires its embedded sandbox: a sandbox reset resets what the gateway derived from it.
    stack = await startStack({ followResets: true });
  });
  afterAll(() => stack.stop());

  /** The walk-through once; answers the claim code it got. */
  async function walkThrough(): Promise<string> {
    const op = graphqlOperations(section());
    expect([...op.keys()].sort()).toEqual(['AliceWallet', 'CancelShare', 'ClaimCoffeeCard', 'PreviewClaim', 'ShareCoffeeCard']);
    const run = async (name: string, sub: string, variables?: Record<string, unknown>) => {
      const res = await stack.gql(op.get(name)!, variables, { sub });
      expect(res.errors).toBeUndefined();
      return res.data;
    };

    const before = await run('AliceWallet', 'alice');
    expect(before.viewer.tokens).toMatchObject({ totalCount: 26, pageInfo: { hasNextPage: true }, edges: expect.arrayContaining([{ cursor: expect.any(String), node: expect.objectContaining({ tokenId: 'tok_alice_01' }) }]) });

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

  it('work as written: alice shares, bob previews and claims, alice cancels another share', async () => {
    firstCode = await walkThrough();
  });

  it('work again, as written, after the README’s rerun step (POST /_sandbox/reset)', async () => {
    const reset = await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    // The same clientMutationIds act again: a new code, not the first run's (which the reset killed).
    expect(await walkThrough()).not.toBe(firstCode);
  });
});

describe('the curl forms', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('work as written, each next to its GraphQL', async () => {
    const blocks = shellBlocks(section());
    expect(blocks).toHaveLength(6);
    const [wallet, share, becomeBob, preview, claim, cancel] = blocks;
    const env = { API: stack.baseUrl, TOKEN: await stack.token('alice'), BOB: await stack.token('bob') };
    const sh = async (block: string, extra: Record<string, string> = {}) => {
      const run = await runShell(block, { ...env, ...extra });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      const [answer] = answers(run.stdout);
      expect(answer.errors).toBeUndefined();
      return answer.data;
    };

    expect((await sh(wallet!)).viewer.tokens).toMatchObject({ totalCount: 26, edges: expect.arrayContaining([expect.objectContaining({ cursor: expect.any(String) })]) });
    const shared = (await sh(share!)).shareToken;
    expect(shared).toMatchObject({ userErrors: [], claimCode: expect.any(String), token: { tokenId: 'tok_alice_01', status: 'SHARE_PENDING' } });
    expect(becomeBob).toMatch(/^BOB=\$\(npm run -s token -- bob --raw\)$/m);
    expect(becomeBob).toMatch(/^CODE=/m);
    const CODE = shared.claimCode as string;
    expect((await sh(preview!, { CODE })).claimPreview).toMatchObject({ tokenId: 'tok_alice_01' });
    expect((await sh(claim!, { CODE })).claimToken).toMatchObject({ userErrors: [], token: { tokenId: 'tok_alice_01' } });
    expect((await stack.gql('{ viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'bob' })).data.viewer.tokens.totalCount).toBeGreaterThan(0);

    await stack.gql('mutation { shareToken(input: { tokenId: "tok_alice_03" }) { claimCode } }', undefined, { sub: 'alice' });
    expect((await sh(cancel!)).cancelTokenShare).toEqual({ token: { tokenId: 'tok_alice_03', status: 'ACTIVE' }, userErrors: [] });
  });
});
