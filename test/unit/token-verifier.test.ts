/**
 * A verified token is remembered until it expires (issue 13: one signature check per token, not per
 * request), and remembering changes no answer: an expired token is refused at its `exp` as before, a
 * changed token is a different token, a refused token is never remembered.
 */
import { SignJWT } from 'jose';
import { TokenVerifier } from '../../src/auth/tokens';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const key = new TextEncoder().encode(SECRET);

function sign(sub: string, iat: number, exp: number): Promise<string> {
  return new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt(iat).setExpirationTime(exp).sign(key);
}

describe('TokenVerifier remembers what it verified', () => {
  let now = Date.UTC(2026, 10, 30, 12, 0, 0);
  const verifier = new TokenVerifier({ jwtSecret: SECRET, now: () => now });
  const seconds = () => Math.floor(now / 1000);

  it('answers a token it verified with the same identity, frozen', async () => {
    const token = await sign('alice', seconds(), seconds() + 60);
    const first = await verifier.verify(token);
    expect(first).toMatchObject({ id: 'alice', roles: ['admin'], isAdmin: true });
    expect(await verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.roles)).toBe(true);
  });

  it('refuses a remembered token from its exp on, as jose does', async () => {
    const exp = seconds() + 60;
    const token = await sign('bob', seconds(), exp);
    await verifier.verify(token);
    now = exp * 1000 - 1;
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'bob' });
    now = exp * 1000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ message: 'Token expired' });
  });

  it('refuses a changed signature of a remembered token, and never remembers a refusal', async () => {
    const token = await sign('carol', seconds(), seconds() + 60);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ message: 'Token signature is invalid' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ message: 'Token signature is invalid' });
  });

  it('still checks lifetime and issue time of a token it has not seen', async () => {
    const tooLong = await sign('dave', seconds(), seconds() + 2 * 86_400);
    await expect(verifier.verify(tooLong)).rejects.toMatchObject({ message: expect.stringMatching(/^Token lives too long/) });
    await expect(verifier.verify(tooLong)).rejects.toMatchObject({ message: expect.stringMatching(/^Token lives too long/) });
  });
});
