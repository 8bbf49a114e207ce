/**
 * The backstop of the operation deadline (OPERATION_TIMEOUT_MS) on upstream-backed fields: the upstream
 * calls themselves abort at the deadline (their scope's signal), but a field may also wait on work shared
 * with other operations (a credential renewal, a catalog sync) that must go on for them. This answers
 * the field with UPSTREAM_TIMEOUT at the deadline all the same, so no answer comes later than it.
 */
import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { ErrorCode, PROVIDER_NAMES, UpstreamError, type Provider } from '../errors';
import { withinDeadline } from '../scope';

export function WithinDeadline(provider?: Provider): MiddlewareFn<Context> {
  const timedOut = (): Error => {
    const message = `${provider ? PROVIDER_NAMES[provider] : 'An upstream'} did not answer within the operation's time (OPERATION_TIMEOUT_MS)`;
    return provider ? new UpstreamError(provider, ErrorCode.UPSTREAM_TIMEOUT, message) : new GraphQLError(message, { extensions: { code: ErrorCode.UPSTREAM_TIMEOUT } });
  };
  return ({ context }, next) => withinDeadline(context.scope, next(), timedOut);
}
