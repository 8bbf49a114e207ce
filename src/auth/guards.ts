/** Who may do what: resolvers call these before handing work to a service. */
import { forbidden, unauthenticated } from '../errors';
import type { ViewerIdentity } from './tokens';

/** What the guards read of the context: only its scope's viewer. */
interface Guarded {
  scope: { viewer: ViewerIdentity | null };
}

export function requireViewer(ctx: Guarded): ViewerIdentity {
  if (!ctx.scope.viewer) throw unauthenticated();
  return ctx.scope.viewer;
}

export function requireAdmin(ctx: Guarded): ViewerIdentity {
  const viewer = requireViewer(ctx);
  if (!viewer.isAdmin) throw forbidden('This operation needs the admin role');
  return viewer;
}
