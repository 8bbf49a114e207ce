/**
 * The framework floor for the throughput benchmark: bare Apollo Server 5 on express 5, serving
 * `type Query { viewer: Viewer } type Viewer { id: ID! }` on `/graphql`, run as its own process
 * (`node dist/bench/bare-apollo.js`, PORT and AUTH_JWT_SECRET from the environment; prints
 * `bare apollo ready at <url>/graphql`).
 *
 * It verifies the bearer JWT (jose, HS256, like the gateway) and resolves `viewer` from its `sub`:
 * every gateway request pays for that verification and carries the same token, so the floor includes
 * it, and "gateway ÷ bare Apollo" measures what the gateway adds beyond framework + authentication
 * (type-graphql, plugins, per-request context and loaders, cors, metrics, logging). Nothing else is
 * added: Apollo's defaults (CSRF prevention on, as in the gateway), `express.json()`, one resolver.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface BareContext {
  viewerId: string;
}

const typeDefs = 'type Query { viewer: Viewer } type Viewer { id: ID! }';
const resolvers = { Query: { viewer: (_parent: unknown, _args: unknown, ctx: BareContext) => ({ id: ctx.viewerId }) } };

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function main(): Promise<void> {
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret) throw new Error('AUTH_JWT_SECRET is required');
  const key = new TextEncoder().encode(secret);
  const port = Number(process.env.PORT ?? '0');

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<BareContext>({
    typeDefs,
    resolvers,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
        if (!match) throw unauthenticated('Missing bearer token');
        try {
          const { payload } = await jwtVerify(match[1]!, key, { algorithms: ['HS256'] });
          if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('Token has no subject');
          return { viewerId: payload.sub };
        } catch (err) {
          throw err instanceof GraphQLError ? err : unauthenticated('Token could not be verified');
        }
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = httpServer.address() as AddressInfo;
  process.stdout.write(`bare apollo ready at http://127.0.0.1:${actual}/graphql\n`);

  const stop = (): void => {
    void apollo.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`bare apollo failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
