/**
 * `GET /graphql` in a browser: Apollo's embedded Sandbox page, unchanged, plus a guard that moves the
 * browser to the local IDE when Sandbox cannot load. Sandbox comes from Apollo's CDN (a script) and runs
 * in an iframe from Apollo's embed host; either may be unreachable (offline, a proxy that blocks CDNs).
 *
 * The guard falls back (`location.replace`, so Back does not bounce through this page again) when:
 * - the CDN script fails to load (its `error` event, seen on `window` in the capture phase because
 *   element errors do not bubble);
 * - the script loaded but defined no `EmbeddedSandbox` (a proxy's HTML page instead of the script);
 * - the embed has not said a word within `fallbackAfterMs`: its iframe posts a handshake to this page
 *   as soon as it runs, so silence means the iframe did not load (or the CDN script hangs).
 * It never falls back once the embed has spoken, so online the page stays Apollo Sandbox.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { LOCAL_IDE_PATH } from './local-ide-routes';

export interface LandingPageWithLocalIdeOptions {
  /** Headers Apollo Sandbox starts with (the demo token in development). */
  headers?: Record<string, string>;
  /** Where the browser goes when Sandbox cannot load. @default LOCAL_IDE_PATH ('/graphiql') */
  localIdePath?: string;
  /** How long the embed may stay silent before the guard gives up on it. @default 10000 */
  fallbackAfterMs?: number;
}

export const DEFAULT_FALLBACK_AFTER_MS = 10_000;

export function landingPageWithLocalIde(options: LandingPageWithLocalIdeOptions = {}): ApolloServerPlugin<BaseContext> {
  const apollo = ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true, headers: options.headers });
  const guard = { localIdePath: options.localIdePath ?? LOCAL_IDE_PATH, fallbackAfterMs: options.fallbackAfterMs ?? DEFAULT_FALLBACK_AFTER_MS };
  return {
    async serverWillStart(service) {
      const listener = await apollo.serverWillStart!(service);
      const renderApolloPage = listener?.renderLandingPage;
      if (!renderApolloPage) throw new Error("Apollo's landing page plugin rendered no landing page");
      return {
        ...listener,
        async renderLandingPage() {
          const page = await renderApolloPage();
          return { html: async () => withFallbackGuard(typeof page.html === 'string' ? page.html : await page.html(), guard) };
        },
      };
    },
  };
}

/**
 * Inserts the guard at the end of `<head>`: after Apollo's Content-Security-Policy meta tag, before the
 * CDN script in `<body>`. Apollo's CSP allows inline scripts by nonce only, so the guard carries the
 * nonce of Apollo's own scripts on the page.
 */
export function withFallbackGuard(apolloHtml: string, guard: { localIdePath: string; fallbackAfterMs: number }): string {
  const nonce = /<script nonce="([^"]+)"/.exec(apolloHtml)?.[1];
  if (!nonce || !apolloHtml.includes('</head>')) throw new Error("Apollo's landing page changed shape: no script nonce or </head> to place the fallback guard");
  const script = `<script nonce="${nonce}" id="local-ide-fallback">${guardScript(guard)}</script>\n  `;
  return apolloHtml.replace('</head>', `${script}</head>`);
}

function guardScript(guard: { localIdePath: string; fallbackAfterMs: number }): string {
  return `(function () {
  var localIde = ${JSON.stringify(guard.localIdePath).replace(/</g, '\\u003c')};
  var done = false;
  var spoke = false;
  function fallBack(reason) {
    if (done || spoke) return;
    done = true;
    window.location.replace(localIde + '#from-apollo-sandbox=' + reason);
  }
  function isSandboxScript(element) {
    return element && element.tagName === 'SCRIPT' && /embeddable-sandbox/.test(element.src || '');
  }
  window.addEventListener('error', function (event) {
    if (isSandboxScript(event.target)) fallBack('script-failed');
  }, true);
  window.addEventListener('message', function (event) {
    var frame = document.querySelector('#embeddableSandbox iframe');
    if (frame && event.source === frame.contentWindow) spoke = true;
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof window.EmbeddedSandbox !== 'function') fallBack('no-embed');
  });
  setTimeout(function () { fallBack('embed-silent'); }, ${Number(guard.fallbackAfterMs)});
})();`;
}
