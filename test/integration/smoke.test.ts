import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

it('answers viewer { id } for a signed token', async () => {
  const res = await stack.gql('{ viewer { id } }', undefined, { sub: 'alice' });
  expect(res.errors).toBeUndefined();
  expect(res.data.viewer.id).toEqual(expect.any(String));
});
