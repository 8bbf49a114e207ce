/**
 * The least a benchmark needs of a graphql-ws client, over plain `ws`: one socket, `connection_init`
 * with the viewer's token, subscriptions by id, each `next` payload handed to a callback with the time
 * it arrived. No lazy connect, retries or keep-alive of its own (`ws` answers the server's pings), so
 * that thousands of them cost the bench process little and every socket the gateway sees is one we
 * opened. Messages are built and checked with graphql-ws's own helpers.
 */
import { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType, parseMessage, stringifyMessage, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriptionSink {
  next(result: FormattedExecutionResult, atMs: number): void;
  /** `complete` from the server, an `error` message, or the socket closing under it. */
  end(error?: unknown): void;
}

export class GqlSocket {
  private readonly sinks = new Map<string, SubscriptionSink>();
  private nextId = 1;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code, reason) => {
      const why = new Error(`socket closed: ${code} ${String(reason)}`);
      for (const sink of this.sinks.values()) sink.end(why);
      this.sinks.clear();
    });
  }

  /** Opens a socket and waits for `connection_ack`; rejects on a refusal (4403, 1013) or a timeout. */
  static async connect(url: string, token: string, timeoutMs = 30_000): Promise<GqlSocket> {
    const socket = new WebSocket(url, GRAPHQL_TRANSPORT_WS_PROTOCOL);
    // An error before the ack rejects below; one after it closes the socket, which ends its subscriptions.
    socket.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`no connection_ack within ${timeoutMs} ms`));
      }, timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      socket.once('error', fail);
      socket.once('close', (code, reason) => fail(new Error(`closed before connection_ack: ${code} ${String(reason)}`)));
      socket.once('open', () => socket.send(stringifyMessage({ type: MessageType.ConnectionInit, payload: { authorization: `Bearer ${token}` } })));
      socket.once('message', (data) => {
        const message = parseMessage(String(data));
        if (message.type !== MessageType.ConnectionAck) return fail(new Error(`expected connection_ack, got ${message.type}`));
        clearTimeout(timer);
        socket.removeAllListeners('close');
        resolve();
      });
    });
    return new GqlSocket(socket);
  }

  /** Starts a subscription; returns its id. */
  subscribe(query: string, variables: Record<string, unknown>, sink: SubscriptionSink): string {
    const id = String(this.nextId++);
    this.sinks.set(id, sink);
    this.socket.send(stringifyMessage({ id, type: MessageType.Subscribe, payload: { query, variables } }));
    return id;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** A dropped connection: the TCP socket is destroyed with no close frame (a phone losing signal). */
  drop(): void {
    this.socket.terminate();
  }

  /** A polite close (1000) and the wait for the server's close frame. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close(1000, 'bye');
    await closed;
  }

  private receive(text: string): void {
    const at = performance.now();
    const message = parseMessage(text);
    switch (message.type) {
      case MessageType.Next:
        this.sinks.get(message.id)?.next(message.payload, at);
        return;
      case MessageType.Error:
        this.sinks.get(message.id)?.end(new Error(`subscription error: ${JSON.stringify(message.payload).slice(0, 300)}`));
        this.sinks.delete(message.id);
        return;
      case MessageType.Complete:
        this.sinks.get(message.id)?.end();
        this.sinks.delete(message.id);
        return;
      case MessageType.Ping:
        this.socket.send(stringifyMessage({ type: MessageType.Pong }));
        return;
      default:
        return;
    }
  }
}
