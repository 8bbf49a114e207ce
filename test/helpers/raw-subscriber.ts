/**
 * A graphql-ws subscriber on a bare `ws` socket, so a test can drop it abruptly (`terminate()`: no
 * close frame, no `complete` message), as a phone losing its network would.
 */
import { print, type DocumentNode } from 'graphql';
import WebSocket from 'ws';
import { App2AppRequestUpdatesDocument } from '../generated/graphql';
import type { Stack } from './stack';

export interface RawSubscriber {
  socket: WebSocket;
  /** `next` payloads received so far. */
  events: unknown[];
  /** Resolves on `complete` (or when the socket closes). */
  done: Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

const opened = new Set<WebSocket>();

/** Terminates every raw subscriber still open (for afterAll, so a failed test leaves no socket behind). */
export function terminateRawSubscribers(): void {
  for (const socket of opened) socket.terminate();
  opened.clear();
}

export async function rawSubscriber(stack: Stack, sub: string, document: DocumentNode, variables: Record<string, unknown>): Promise<RawSubscriber> {
  const socket = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  opened.add(socket);
  const events: unknown[] = [];
  const listeners = new Set<() => void>();
  let acked!: () => void;
  const ack = new Promise<void>((resolve) => (acked = resolve));
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { type: string; payload?: unknown };
    if (message.type === 'connection_ack') acked();
    if (message.type === 'next') events.push(message.payload);
    if (message.type === 'complete') finished();
    for (const listener of listeners) listener();
  });
  socket.on('close', () => {
    opened.delete(socket);
    finished();
  });
  await new Promise<void>((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await stack.token(sub)}` } }));
  await ack;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(document), variables } }));
  return {
    socket,
    events,
    done,
    waitFor(count, timeoutMs = 10_000) {
      if (events.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (events.length < count) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
      });
    },
  };
}

/** `count` raw subscribers of `requestKey` as `sub`, each past its first event (the state now). */
export async function rawRequestSubscribers(stack: Stack, sub: string, requestKey: string, count: number): Promise<RawSubscriber[]> {
  const all = await Promise.all(Array.from({ length: count }, () => rawSubscriber(stack, sub, App2AppRequestUpdatesDocument, { requestKey })));
  await Promise.all(all.map((s) => s.waitFor(1)));
  return all;
}

/** The App2App statuses a raw subscriber received, in order. */
export function statusesOf(subscriber: RawSubscriber): string[] {
  return subscriber.events.map((e) => (e as { data: { app2appRequest: { status: string } } }).data.app2appRequest.status);
}
