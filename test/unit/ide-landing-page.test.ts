/** The page on GET /graphql: Apollo's embedded Sandbox, plus the guard that falls back to the local IDE. */
import type { GraphQLServerContext } from '@apollo/server';
import { landingPageWithLocalIde, withFallbackGuard } from '../../src/ide/landing-page';

async function render(options: Parameters<typeof landingPageWithLocalIde>[0]): Promise<string> {
  // Apollo's landing page plugin reads nothing from the server context.
  const listener = await landingPageWithLocalIde(options).serverWillStart!({} as GraphQLServerContext);
  const page = await listener!.renderLandingPage!();
  return typeof page.html === 'string' ? page.html : page.html();
}

describe('landingPageWithLocalIde', () => {
  it("keeps Apollo's embedded Sandbox, loaded from Apollo's CDN, with the demo token preset", async () => {
    const html = await render({ headers: { Authorization: 'Bearer demo' } });
    expect(html).toMatch(/<script nonce="[0-9a-f]+" src="https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\/v2\/embeddable-sandbox\.umd\.production\.min\.js/);
    expect(html).toMatch(/new window\.EmbeddedSandbox\(/);
    expect(html).toContain('"headers":{"Authorization":"Bearer demo"}');
    expect(html).toMatch(/frame-src https:\/\/explorer\.embed\.apollographql\.com https:\/\/sandbox\.embed\.apollographql\.com/);
  });

  it('adds a guard in <head>, allowed by the nonce of Apollo’s own scripts, that falls back to /graphiql', async () => {
    const html = await render({});
    const nonces = new Set([...html.matchAll(/<script nonce="([^"]+)"/g)].map((m) => m[1]));
    expect(nonces.size).toBe(1);
    const guardAt = html.indexOf(`<script nonce="${[...nonces][0]}" id="local-ide-fallback">`);
    expect(guardAt).toBeGreaterThan(html.indexOf('http-equiv="Content-Security-Policy"'));
    expect(guardAt).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('var localIde = "/graphiql";');
    expect(html).toContain("window.location.replace(localIde + '#from-apollo-sandbox=' + reason)");
    expect(html).toMatch(/setTimeout\(function \(\) \{ fallBack\('embed-silent'\); \}, 10000\)/);
  });

  it('renders a fresh nonce per page, and takes another IDE path and patience', async () => {
    const options = { localIdePath: '/ide', fallbackAfterMs: 2500 };
    const [first, second] = [await render(options), await render(options)];
    const nonce = (html: string) => /<script nonce="([^"]+)" id="local-ide-fallback"/.exec(html)?.[1];
    expect(nonce(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first).toContain('var localIde = "/ide";');
    expect(first).toContain("fallBack('embed-silent'); }, 2500)");
  });

  it("refuses a page it cannot guard, rather than serve Sandbox with no fallback (Apollo's page changed)", () => {
    expect(() => withFallbackGuard('<html><head></head><body><script src="x"></script></body></html>', { localIdePath: '/graphiql', fallbackAfterMs: 1 })).toThrow(/changed shape/);
  });
});
