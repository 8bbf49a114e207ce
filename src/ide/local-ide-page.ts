/**
 * The local IDE's page: GraphiQL from our own assets, the demo token preset in its headers editor, and
 * subscriptions over graphql-ws on the GraphQL path. The page runs no inline script (its settings sit
 * in a JSON data block that `boot.js` reads), so its Content-Security-Policy can allow our own origin
 * only: the browser itself refuses anything from elsewhere.
 */

export interface LocalIdePageOptions {
  /** Where the page's own files are served, e.g. `/graphiql`. */
  idePath: string;
  /** GraphQL path on this origin, for HTTP and graphql-ws. */
  graphqlPath: string;
  /** Headers the headers editor starts with (the demo token in development). */
  headers?: Record<string, string>;
}

/** Our origin only; styles inline too, because GraphiQL and CodeMirror set style attributes. */
export const LOCAL_IDE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  // 'self' covers ws:// and wss:// to this host and port (CSP Level 3).
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DEFAULT_QUERY = `# rewardgraph's own GraphiQL (no CDN needed).
# The Headers tab below carries the demo viewer token.
# Ctrl-Enter runs the operation.

{
  viewer {
    id
  }
}
`;

export function renderLocalIdePage(options: LocalIdePageOptions): string {
  const config = {
    graphqlPath: options.graphqlPath,
    headers: JSON.stringify(options.headers ?? {}, null, 2),
    defaultQuery: DEFAULT_QUERY,
  };
  const asset = (name: string) => `${options.idePath}/assets/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>rewardgraph · GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="graphiql-config" type="application/json">${jsonForHtml(config)}</script>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${options.idePath}/boot.js"></script>
  </body>
</html>
`;
}

/** JSON that cannot end the `<script>` element it sits in, nor start a comment or entity. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `boot.js`: mounts GraphiQL with @graphiql/toolkit's fetcher (`GraphiQL.createFetcher`). For a
 * subscription the toolkit opens a graphql-ws client whose `connection_init` payload is the headers
 * editor's contents; the gateway reads `authorization` there, so the header is sent under that name,
 * whatever case the editor spells it in. Edits to the token therefore apply to both transports.
 */
export const LOCAL_IDE_BOOT_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var url = new URL(config.graphqlPath, window.location.href);
  var subscriptionUrl = url.href.replace(/^http/, 'ws');
  var fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl: subscriptionUrl });

  function withLowerCaseAuthorization(headers) {
    var out = {};
    Object.keys(headers || {}).forEach(function (name) {
      out[name.toLowerCase() === 'authorization' ? 'authorization' : name] = headers[name];
    });
    return out;
  }

  function gatewayFetcher(params, options) {
    var opts = Object.assign({}, options);
    opts.headers = withLowerCaseAuthorization(opts.headers);
    return fetcher(params, opts);
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: gatewayFetcher,
      defaultQuery: config.defaultQuery,
      headers: config.headers,
      defaultHeaders: config.headers,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
`;
