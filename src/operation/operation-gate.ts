/**
 * Whether an operation may run, decided the same way for every transport (HTTP, graphql-ws) and in one
 * place, before any resolver and any upstream call:
 * - `authenticate` turns an `Authorization` value into a viewer, or records why it was refused (never
 *   throws: over HTTP the refusal becomes the operation's error once the operation is known);
 * - `checkSource` refuses a document too large to parse (bytes, tokens);
 * - `admit`, once the operation is parsed and validated: its limits (depth, aliases, directives, cost:
 *   src/limits/), then who is asking (a refused token, or none for anything but introspection, is
 *   UNAUTHENTICATED), then the viewer's operation quota.
 */
import { LRUCache } from 'lru-cache';
import { Kind, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { TokenVerifier, ViewerIdentity } from '../auth/tokens';
import type { OperationLimitsConfig } from '../config';
import { unauthenticated } from '../errors';
import { checkOperation, checkSource } from '../limits/operation-limits';
import type { ViewerQuotas } from '../limits/viewer-quotas';

export interface Authentication {
  viewer: ViewerIdentity | null;
  /** Why the token sent was refused. */
  error?: GraphQLError;
}

export interface AdmissionRequest {
  viewer: ViewerIdentity | null;
  authError?: GraphQLError;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Record<string, unknown>;
}

export interface OperationGateOptions {
  verifier: TokenVerifier;
  limits: OperationLimitsConfig;
  quotas: ViewerQuotas;
  schema: GraphQLSchema;
}

export class OperationGate {
  /**
   * Texts that passed `checkSource` (clients send the same few documents again and again): counting a
   * text's tokens costs a lexer pass, finding it here a hash. Bounded by total length (1 M characters).
   */
  private readonly passedSources = new LRUCache<string, true>({ maxSize: 1_000_000, sizeCalculation: (_v, source) => source.length || 1 });

  constructor(private readonly options: OperationGateOptions) {}

  /** No header is an anonymous caller (introspection only); a bad one is recorded, not thrown. */
  async authenticate(authorization: string | undefined): Promise<Authentication> {
    if (authorization === undefined) return { viewer: null };
    try {
      return { viewer: await this.options.verifier.verifyAuthorization(authorization) };
    } catch (err) {
      return { viewer: null, error: err as GraphQLError };
    }
  }

  /** Throws QUERY_TOO_LARGE for a document over the size limits, before it is parsed. */
  checkSource(source: string): void {
    if (this.passedSources.has(source)) return;
    checkSource(this.options.limits, source);
    this.passedSources.set(source, true);
  }

  /** Throws the operation's error (a limit, UNAUTHENTICATED, RATE_LIMITED) when it may not run. */
  async admit(request: AdmissionRequest): Promise<void> {
    checkOperation(this.options.limits, this.options.schema, request.document, request.operation, request.variables);
    if (request.authError) throw request.authError;
    if (!request.viewer) {
      if (isIntrospectionOnly(request.operation)) return;
      throw unauthenticated();
    }
    await this.options.quotas.operation(request.viewer.id);
  }
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
