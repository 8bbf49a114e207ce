/**
 * One log line and one metric sample per GraphQL operation, whichever transport carried it: name,
 * type, duration and outcome (`ok`, or the first error's code). Errors without a code are bugs and are
 * logged with their stack. Variables are never logged: they may hold claim codes.
 */
import type { Logger } from '../observability/logger';
import { endWithOutcome, traceIdOf, viewerHash, type Span } from '../observability/tracing';
import type { Metrics } from '../observability/metrics';

export interface OperationRecord {
  requestId: string;
  viewer?: string;
  /** As the client named it; anonymous when absent. */
  name?: string | null;
  /** query, mutation, subscription; `unknown` when the request never got that far. */
  type: string;
  transport: 'http' | 'ws' | 'sse' | 'multipart';
  durationMs: number;
  errors?: readonly ErrorLike[];
  /** The operation's trace span (tracing on): named, described and ended here. */
  span?: Span;
}

interface ErrorLike {
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

export class OperationLog {
  constructor(
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  record(op: OperationRecord): void {
    const outcome = outcomeOf(op.errors);
    // Client-chosen names are bounded in the metric labels (Metrics.operationLabel); the log keeps them.
    const labels = { operation: this.metrics.operationLabel(op.name ?? 'anonymous'), type: op.type, outcome };
    this.metrics.operations.inc(labels);
    this.metrics.operationDuration.observe(labels, op.durationMs / 1000);
    const line = {
      requestId: op.requestId,
      operation: op.name ?? 'anonymous',
      type: op.type,
      transport: op.transport,
      outcome,
      durationMs: Math.round(op.durationMs * 10) / 10,
      viewer: op.viewer,
      traceId: traceIdOf(op.span),
    };
    // A span sampled out records nothing: spare it the attributes (and the viewer id's hash).
    if (op.span?.isRecording()) {
      op.span.updateName(`${op.type} ${op.name ?? 'anonymous'}`);
      op.span.setAttributes({ 'graphql.operation.name': op.name ?? 'anonymous', 'graphql.operation.type': op.type, 'rewardgraph.transport': op.transport });
      if (op.viewer) op.span.setAttribute('enduser.id_hash', viewerHash(op.viewer));
    }
    endWithOutcome(op.span, outcome);
    if (outcome === 'INTERNAL_SERVER_ERROR') this.logger.error(line, 'graphql operation failed');
    else this.logger.info(line, 'graphql operation');
  }

  /** Logs every error that carries no code of ours: those are bugs, not outcomes. */
  unexpected(requestId: string, errors: readonly ErrorLike[]): void {
    for (const err of errors) {
      if ((err.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR') {
        this.logger.error({ requestId, err: err.originalError ?? err }, 'unexpected error');
      }
    }
  }
}

export function outcomeOf(errors: readonly ErrorLike[] | undefined): string {
  if (!errors || errors.length === 0) return 'ok';
  return String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}
