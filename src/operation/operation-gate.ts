/**
 * Who may run an operation, decided the same way for every transport (HTTP and graphql-ws):
 * - `authenticate` turns an `Authorization` value into a viewer, or records why it was refused
 *   (never throws: over HTTP the refusal becomes the operation's error once the operation is known);
 * - `admit` runs once the operation is parsed and validated, before any resolver: a refused token, or
 *   no token for anything but introspection, is UNAUTHENTICATED (HTTP 401).
 * Anything a whole operation must pass before it runs (its cost, the viewer's quota) belongs here.
 */
import { Kind, type GraphQLError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { TokenVerifier, ViewerIdentity } from '../auth/tokens';
import { unauthenticated } from '../errors';

export interface Authentication {
  viewer: ViewerIdentity | null;
  /** Why the token sent was refused. */
  error?: GraphQLError;
}

/** No header is an anonymous caller (introspection only); a bad one is recorded, not thrown. */
export async function authenticate(verifier: TokenVerifier, authorization: string | undefined): Promise<Authentication> {
  if (authorization === undefined) return { viewer: null };
  try {
    return { viewer: await verifier.verifyAuthorization(authorization) };
  } catch (err) {
    return { viewer: null, error: err as GraphQLError };
  }
}

/** Throws the operation's UNAUTHENTICATED error when it may not run. */
export function admit(auth: { viewer: ViewerIdentity | null; authError?: GraphQLError }, operation: OperationDefinitionNode | undefined): void {
  if (auth.authError) throw auth.authError;
  if (!auth.viewer && !(operation && isIntrospectionOnly(operation))) throw unauthenticated();
}

/** True when every top-level field is `__schema`, `__type` or `__typename` (what an IDE asks on load). */
export function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'query' && onlyMetaFields(operation.selectionSet);
}

function onlyMetaFields(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((s) => {
    if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyMetaFields(s.selectionSet);
    // Named fragments are resolved after this hook; treat them as real fields to stay on the safe side.
    return false;
  });
}
