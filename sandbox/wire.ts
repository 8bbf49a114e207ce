/**
 * What the sandbox does to every upstream call before the provider's handler: count it, apply a
 * matching fault, and in strict mode let strict-answers.ts vary the handler's answer. These need the
 * route template (`GET /klip/v2/wallet/card/:cardId`), which Express knows only once a route matched,
 * so they run as the first handler of every route (`wireRouter`); a call no route matched is counted
 * and faulted under its plain path (`unmatchedCall`) before the 404.
 */
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { SandboxFaults } from './faults';
import type { ProviderName } from './provider';
import type { SandboxStats } from './stats';
import type { StrictMode } from './strict';
import { shapeStrictAnswers } from './strict-answers';

export interface WireDeps {
  provider: ProviderName;
  stats: SandboxStats;
  faults: SandboxFaults;
  strict: StrictMode;
}

/** Set on a call once it has been counted, so a call that passes two hooks counts once. */
const SEEN = 'sandboxWireCall';

const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Register = (path: string, ...handlers: RequestHandler[]) => Router;

/**
 * A Router whose every route starts with the wire hook. Providers register routes on it as on any
 * Router; `get(path, h)` becomes `get(path, hook, h)`, so the hook sees `req.route` and runs once the
 * method matched. Only get, post, put, patch and delete routes get the hook: a handler added with `use`
 * or `all` that answers would go uncounted and unfaulted.
 */
export function wireRouter(deps: WireDeps): Router {
  const router = Router();
  const hook = routeHook(deps);
  const methods = router as unknown as Record<(typeof ROUTE_METHODS)[number], Register>;
  for (const method of ROUTE_METHODS) {
    const register = methods[method].bind(router);
    methods[method] = (path, ...handlers) => register(path, hook, ...handlers);
  }
  return router;
}

function routeHook(deps: WireDeps): RequestHandler {
  return (req, res, next) => {
    const template = (req.route as { path?: unknown } | undefined)?.path;
    wireCall(deps, `${req.method} ${req.baseUrl}${typeof template === 'string' ? template : req.path}`, true, req, res, next);
  };
}

/** Mounted after a provider's router: a call no route took counts under its plain path and may be faulted. */
export function unmatchedCall(deps: WireDeps): RequestHandler {
  return (req, res, next) => wireCall(deps, `${req.method} ${req.baseUrl}${req.path}`, false, req, res, next);
}

/** `routed`: a provider route will answer (not a 404 for an unknown path), so strict mode may shape it. */
function wireCall(deps: WireDeps, key: string, routed: boolean, req: Request, res: Response, next: NextFunction): void {
  if (res.locals[SEEN]) return next();
  res.locals[SEEN] = true;
  deps.stats.arrived(key);
  // 'finish' fires only once the whole answer has been handed to the socket: never for a dropped call.
  res.on('finish', () => deps.stats.answered(key));
  deps.faults.apply(deps.provider, req, res, () => {
    // Only once the real handler is to answer: a fault's injected answer says exactly what it was told.
    if (routed) shapeStrictAnswers(deps.strict, deps.provider, res);
    next();
  });
}
