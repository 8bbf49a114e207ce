import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ClaimAttempts } from '../../src/tokens/claim-attempts';

/* The failed-claim limit: only failures count, and a burst cannot overshoot. */

const attempts = () => new ClaimAttempts(new RateLimiterMemory({ keyPrefix: 'test', points: 3, duration: 600 }));
const fail = async () => 'invalid';
const succeed = async () => 'ok';
const isFailure = (outcome: string) => outcome === 'invalid';

it('counts failures only, per viewer, and refuses the fourth without running it', async () => {
  const limit = attempts();
  for (let i = 0; i < 5; i++) await limit.attempt('alice', succeed, isFailure);
  for (let i = 0; i < 3; i++) expect(await limit.attempt('alice', fail, isFailure)).toBe('invalid');
  const action = jest.fn(succeed);
  await expect(limit.attempt('alice', action, isFailure)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
  expect(action).not.toHaveBeenCalled();
  expect(await limit.attempt('bob', succeed, isFailure)).toBe('ok');
});

it('refunds an attempt that threw (the upstream failed, not the viewer)', async () => {
  const limit = attempts();
  for (let i = 0; i < 5; i++) await expect(limit.attempt('alice', async () => Promise.reject(new Error('down')), isFailure)).rejects.toThrow('down');
  expect(await limit.attempt('alice', fail, isFailure)).toBe('invalid');
});

it('lets exactly the allowed number of a concurrent burst run', async () => {
  const limit = attempts();
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => limit.attempt('alice', fail, isFailure)));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
});
