/**
 * A Relay environment over the live gateway, as a Relay app builds one: `Network.create` with a fetch
 * that POSTs the compiled operation text and variables with the viewer's bearer token, a `Store` over a
 * `RecordSource`, and the default handler provider (whose `connection` handler merges pages).
 */
import { Environment, Network, RecordSource, Store, type GraphQLResponse, type RequestParameters, type Variables } from 'relay-runtime';

/** One answer of the gateway as it came over the wire, before Relay normalized it. */
export interface SentOperation {
  name: string;
  variables: Variables;
  // any: each test reads the shape of its own operation.
  response: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

export function relayEnvironment(graphqlUrl: string, bearer: string): { environment: Environment; sent: SentOperation[] } {
  const sent: SentOperation[] = [];
  const network = Network.create(async (params: RequestParameters, variables: Variables) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: params.text, variables }),
    });
    const response = (await res.json()) as SentOperation['response'];
    sent.push({ name: params.name, variables, response });
    // Relay would store what a partial answer holds; a test wants the error, with its code.
    if (response.errors?.length) {
      const codes = response.errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`);
      throw new Error(`${params.name} ${JSON.stringify(variables)}: ${codes.join('; ')}`);
    }
    return response as GraphQLResponse;
  });
  return { environment: new Environment({ network, store: new Store(new RecordSource()) }), sent };
}
