/** App2App steps shared by the App2App integration tests: prepare through the gateway, act in the sandbox wallet. */
import {
  PrepareApp2AppDocument,
  type App2AppRequestFieldsFragment,
  type PrepareApp2AppInput,
  type PrepareApp2AppMutation,
} from '../generated/graphql';
import type { Stack } from './stack';

export const ALICE_ADDRESS = '0xa11ce00000000000000000000000000000000001';
export const BOB_ADDRESS = '0xb0b0000000000000000000000000000000000002';
export const RESULT_ROUTE = 'GET /klip-a2a/v2/a2a/result';

/** Prepares a request as `sub` and returns it (fails the test on any error). */
export async function prepareRequest(stack: Stack, sub: string, input: PrepareApp2AppInput = { type: 'AUTH' }): Promise<App2AppRequestFieldsFragment> {
  const res = await stack.gql<PrepareApp2AppMutation>(PrepareApp2AppDocument, { input }, { sub });
  if (res.errors || !res.data?.prepareApp2App.request) {
    throw new Error(`prepareApp2App failed: ${JSON.stringify(res.errors ?? res.data?.prepareApp2App.userErrors)}`);
  }
  return res.data.prepareApp2App.request as App2AppRequestFieldsFragment;
}

/** What the person does in the Klip wallet (sandbox control API). */
export function wallet(stack: Stack, requestKey: string) {
  const act = (action: string, body: unknown = {}) => stack.control('POST', `/_sandbox/klip/a2a/${requestKey}/${action}`, body);
  return {
    open: () => act('open'),
    approve: (values: { klaytnAddress?: string; txHash?: string; txStatus?: string; signature?: string } = {}) => act('approve', values),
    reject: () => act('reject'),
    fail: () => act('fail'),
  };
}

/** Upstream result polls served by the sandbox so far. */
export async function resultPolls(stack: Stack): Promise<number> {
  const stats = await stack.control<{ requests: Record<string, number> }>('GET', '/_sandbox/stats');
  return stats.requests[RESULT_ROUTE] ?? 0;
}

/** The gateway's /readyz details about App2App (active pollers, subscriptions, timers); other domains add their own. */
export async function app2appDetails(stack: Stack): Promise<{ app2appActivePollers: number; app2appWatchedKeys: number; app2appPollTimers: number; app2appSubscriptions: number; app2appTopics: number }> {
  const res = await fetch(`${stack.baseUrl}/readyz`);
  const { details } = (await res.json()) as { details: Record<string, unknown> };
  return Object.fromEntries(Object.entries(details).filter(([key]) => key.startsWith('app2app'))) as never;
}

/** Polls `check` until it passes (the gateway reacts asynchronously) or the time is up. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
