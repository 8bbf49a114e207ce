/** The IDE over HTTP: Apollo Sandbox with its fallback guard on GET /graphql, the local IDE at /graphiql. */
import { randomBytes } from 'node:crypto';
import { productionEnv } from '../helpers/production';
import { startStack, type Stack } from '../helpers/stack';

const html = (res: Response) => res.text();
const get = (stack: Stack, path: string, accept = '*/*') => fetch(`${stack.baseUrl}${path}`, { headers: { accept } });

/** Every `src` and `href` value in a page. */
function references(page: string): string[] {
  return [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('IDE in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ demoViewer: 'alice' });
  });
  afterAll(() => stack.stop());

  it('serves GraphiQL at /graphiql with the demo token preset and a policy that allows our origin only', async () => {
    const res = await get(stack, '/graphiql', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self';/);
    const page = await html(res);
    const config = JSON.parse(/<script id="graphiql-config" type="application\/json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(config.graphqlPath).toBe('/graphql');
    expect(JSON.parse(config.headers)).toEqual({ Authorization: expect.stringMatching(/^Bearer ey/) });
    // The preset token is alice's.
    const viewer = await stack.gql('{ viewer { id } }', undefined, { headers: { authorization: JSON.parse(config.headers).Authorization } });
    expect(viewer.data).toEqual({ viewer: { id: Buffer.from('Viewer:alice').toString('base64url') } });
  });

  it('references nothing outside our origin, and serves every file the page references', async () => {
    const page = await html(await get(stack, '/graphiql'));
    expect(page).not.toMatch(/https?:\/\/|(?:src|href)="\/\//);
    const refs = references(page).filter((ref) => !ref.startsWith('data:'));
    expect(refs.sort()).toEqual([
      '/graphiql/assets/graphiql.min.css',
      '/graphiql/assets/graphiql.min.js',
      '/graphiql/assets/react-dom.production.min.js',
      '/graphiql/assets/react.production.min.js',
      '/graphiql/boot.js',
    ]);
    for (const ref of refs) {
      const res = await get(stack, ref);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.headers.get('content-type')).toMatch(ref.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const boot = await html(await get(stack, '/graphiql/boot.js'));
    expect(boot).not.toMatch(/https?:\/\//);
  });

  it.each(['/graphiql/assets/package.json', '/graphiql/assets/..%2Fpackage.json', '/graphiql/assets/..%2F..%2Freact%2Fpackage.json', '/graphiql/nothing'])(
    'answers 404 JSON for %s (only allow-listed files are served)',
    async (path) => {
      const res = await get(stack, path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'NOT_FOUND', message: 'Not found' });
    },
  );

  it('serves Apollo Sandbox on GET /graphql with the demo token, and a guard that falls back to /graphiql', async () => {
    const res = await get(stack, '/graphql', 'text/html');
    expect(res.status).toBe(200);
    const page = await html(res);
    const cdnScript = page.indexOf('<script nonce="', page.indexOf('embeddableSandbox"></div>'));
    expect(page.slice(cdnScript)).toMatch(/^<script nonce="[^"]+" src="https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\//);
    expect(page).toMatch(/new window\.EmbeddedSandbox\(/);
    expect(page).toMatch(/"headers":\{"Authorization":"Bearer ey/);
    const nonce = /<script nonce="([^"]+)" src="https:\/\/embeddable-sandbox/.exec(page)![1];
    const guard = page.indexOf(`<script nonce="${nonce}" id="local-ide-fallback">`);
    expect(guard).toBeGreaterThan(-1);
    expect(guard).toBeLessThan(cdnScript);
    expect(page).toMatch(/var localIde = "\/graphiql";/);
  });
});

describe('IDE in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: productionEnv(`unused-${randomBytes(4).toString('hex')}`), demoViewer: 'alice' });
  });
  afterAll(() => stack.stop());

  it.each(['/graphiql', '/graphiql/boot.js', '/graphiql/assets/graphiql.min.js'])('answers 404 JSON for %s', async (path) => {
    const res = await get(stack, path, 'text/html');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'NOT_FOUND', message: 'Not found' });
  });

  it('serves no IDE on GET /graphql', async () => {
    const page = await html(await get(stack, '/graphql', 'text/html'));
    expect(page).not.toMatch(/embeddable-sandbox|local-ide-fallback/);
  });
});
