/** Which stream a request's Accept asks for, and the multipart writer's heartbeats and clean-up on its own. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Repeater } from '@graphql-yoga/subscription';
import express from 'express';
import type { HttpOperations } from '../../src/transports/http-operation';
import { preferredStream } from '../../src/transports/http-streams';
import { multipartHandler } from '../../src/transports/multipart';

describe('preferredStream', () => {
  it.each([
    ['text/event-stream', 'sse'],
    ['text/event-stream; charset=utf-8, application/json;q=0.5', 'sse'],
    // Apollo Client 4's HttpLink, for a subscription
    ['multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/graphql-response+json,application/json;q=0.9', 'multipart'],
    // Apollo Router's documentation
    ['multipart/mixed;subscriptionSpec="1.0", application/json', 'multipart'],
    ['multipart/mixed; boundary="-"; subscriptionSpec="1.0"', 'multipart'],
  ])('%s → %s', (accept, expected) => {
    expect(preferredStream(accept)).toBe(expected);
  });

  it.each([
    [undefined],
    ['*/*'],
    ['application/json'],
    ['application/graphql-response+json, application/json;q=0.9'],
    ['application/json, text/event-stream;q=0.5'],
    ['text/event-stream;q=0'],
    // @defer's multipart, which Apollo Server answers itself
    ['multipart/mixed;deferSpec=20220824, application/json'],
  ])('%s → no stream', (accept) => {
    expect(preferredStream(accept)).toBeUndefined();
  });
});

describe('multipart writer', () => {
  it('sends a heartbeat part while the subscription is quiet, and ends the subscription when the client leaves', async () => {
    let ended!: () => void;
    const subscriptionEnded = new Promise<void>((resolve) => (ended = resolve));
    const operations = {
      prepare: async () => ({ kind: 'ready', type: 'subscription', requestId: 'r', viewer: null, start: async () => ({}) }),
      stream: () =>
        new Repeater<string>(async (_push, stop) => {
          await stop;
          ended();
        }),
    } as unknown as HttpOperations;
    const handler = multipartHandler(operations, { heartbeatMs: 20 });
    const app = express().post('/graphql', (req, res, next) => void handler(req, res, { query: 'subscription { x }' }).catch(next));
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { method: 'POST', signal: controller.signal });
      const reader = res.body!.getReader();
      let text = '';
      const heartbeat = '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n{}\r\n--graphql';
      while (text.split(heartbeat).length < 3) text += new TextDecoder().decode((await reader.read()).value);
      expect(text.startsWith(`\r\n--graphql${heartbeat}${heartbeat}`)).toBe(true);
      controller.abort();
      await subscriptionEnded;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
