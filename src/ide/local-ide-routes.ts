/**
 * `/graphiql`: the local IDE, outside production. `GET /graphiql` is the page, `/graphiql/boot.js` its
 * script, `/graphiql/assets/<name>` one of the allow-listed package files; anything else under the path,
 * and everything in production, is a 404 JSON answer.
 */
import { Router, type Response } from 'express';
import { isLocalIdeAssetName, LOCAL_IDE_ASSETS, localIdeAssetPath } from './local-ide-assets';
import { LOCAL_IDE_BOOT_SCRIPT, LOCAL_IDE_CSP, renderLocalIdePage } from './local-ide-page';

/** Where the local IDE lives; Apollo Sandbox's landing page falls back to it. */
export const LOCAL_IDE_PATH = '/graphiql';

export interface LocalIdeRoutesOptions {
  /** No IDE in production: every path under `LOCAL_IDE_PATH` answers 404. */
  production: boolean;
  /** Headers the IDE starts with (the demo token in development). */
  headers?: Record<string, string>;
  /** @default '/graphql' */
  graphqlPath?: string;
}

export function localIdeRoutes(options: LocalIdeRoutesOptions): Router {
  const ide = Router();
  if (!options.production) {
    // Rendered once: the headers are fixed for the life of the process.
    const page = renderLocalIdePage({ idePath: LOCAL_IDE_PATH, graphqlPath: options.graphqlPath ?? '/graphql', headers: options.headers });

    ide.get('/', (_req, res) => {
      // The page carries a token: keep it out of shared caches and history snapshots.
      res.set({ 'content-security-policy': LOCAL_IDE_CSP, 'cache-control': 'no-store' }).type('html').send(page);
    });
    ide.get('/boot.js', (_req, res) => {
      res.set({ 'cache-control': 'no-cache' }).type('text/javascript; charset=utf-8').send(LOCAL_IDE_BOOT_SCRIPT);
    });
    ide.get('/assets/:name', (req, res, next) => {
      const name = req.params.name;
      if (!isLocalIdeAssetName(name)) return next();
      res.sendFile(localIdeAssetPath(name), { headers: { 'content-type': LOCAL_IDE_ASSETS[name].contentType, 'cache-control': 'no-cache' } }, (err) => {
        if (err && !res.headersSent) notFound(res);
      });
    });
  }
  ide.use((_req, res) => notFound(res));

  const router = Router();
  router.use(LOCAL_IDE_PATH, ide);
  return router;
}

function notFound(res: Response): void {
  res.status(404).json({ error: 'NOT_FOUND', message: 'Not found' });
}
