/**
 * One log line and one metric sample per GraphQL operation over HTTP: name, type, duration and outcome
 * (`ok`, or the first error's code). Variables are never logged: they may hold claim codes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Context } from '../context';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export function operationPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const durationMs = performance.now() - started;
          const type = operation?.operation ?? 'unknown';
          // Errors inside a successful result (resolver errors) count too.
          const resultErrors =
            response.body.kind === 'single' ? (response.body.singleResult.errors as readonly GraphQLError[] | undefined) : undefined;
          const outcome = outcomeOf(errors ?? resultErrors);
          const name = operationName ?? operation?.name?.value ?? 'anonymous';
          metrics.operations.inc({ operation: name, type, outcome });
          metrics.operationDuration.observe({ operation: name, type, outcome }, durationMs / 1000);
          const line = {
            requestId: contextValue.requestId,
            operation: name,
            type,
            outcome,
            durationMs: Math.round(durationMs * 10) / 10,
            viewer: contextValue.viewer?.id,
          };
          if (outcome === 'INTERNAL_SERVER_ERROR') logger.error(line, 'graphql operation failed');
          else logger.info(line, 'graphql operation');
        },
        async didEncounterErrors({ errors }) {
          for (const err of errors) {
            if ((err.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR') {
              logger.error({ requestId: contextValue.requestId, err: err.originalError ?? err }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}

export function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors || errors.length === 0) return 'ok';
  return String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}
