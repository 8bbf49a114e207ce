/** Who may do what: resolvers call these before handing work to a service. */
import { forbidden, unauthenticated } from '../errors';
import type { Context } from '../context';
import type { ViewerIdentity } from './tokens';

export function requireViewer(ctx: Context): ViewerIdentity {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function requireAdmin(ctx: Context): ViewerIdentity {
  const viewer = requireViewer(ctx);
  if (!viewer.isAdmin) throw forbidden('This operation needs the admin role');
  return viewer;
}
