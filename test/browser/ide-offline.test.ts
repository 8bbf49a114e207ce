/**
 * The IDE in a real browser (Debian's chromium driven by playwright-core), with every request that is not
 * to this machine refused, as on a machine without internet. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_FALLBACK_AFTER_MS } from '../../src/ide/landing-page';
import { wallet } from '../helpers/app2app';
import { startStack, type Stack } from '../helpers/stack';

/** Debian's package (`apt-get install chromium`; .ci/run installs it). */
const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialling Google's hosts on a closed network. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
/** How long the landing page's guard waits for Apollo's embed to say something before it falls back. */
const EMBED_SILENCE_MS = DEFAULT_FALLBACK_AFTER_MS;
const APOLLO_CDN_SCRIPT = 'https://embeddable-sandbox.cdn.apollographql.com/**';
const APOLLO_EMBED = 'https://sandbox.embed.apollographql.com/**';

jest.setTimeout(90_000);

// The callbacks passed to page.evaluate run in the browser. The project compiles without the DOM library,
// and adding it would change the globals of every file, so they are declared here for this module only.
// any: the page's DOM, which only the browser types.
declare const document: any, window: any;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  stack = await startStack({ demoViewer: 'alice', env: { APP2APP_POLL_INTERVAL_MS: '50' } });
  // launch() gives the browser a new, empty profile (--user-data-dir) of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * A page in a context of its own (fresh storage, so GraphiQL starts with no saved tabs) that reaches
 * this machine only: every other request is refused as a machine without internet refuses it.
 */
async function offlinePage(): Promise<{ page: Page; context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    if (protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return { page: await context.newPage(), context, refused };
}

const viewerId = (sub: string) => Buffer.from(`Viewer:${sub}`).toString('base64url');
const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** Console errors and CSP refusals a page logs (the local IDE must log none). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Types into GraphiQL's query editor as a person would, replacing what is there. */
async function typeQuery(page: Page, query: string, how: 'type' | 'paste' = 'type'): Promise<void> {
  await page.click('.graphiql-query-editor .CodeMirror-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Typing key by key exercises the editor's bracket auto-closing; pasting inserts the text as it is.
  if (how === 'type') await page.keyboard.type(query);
  else await page.keyboard.insertText(query);
  await page.keyboard.press('Escape'); // closes an autocompletion popup, if one is open
  const typed = await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue() as string);
  expect(typed.replace(/\s+/g, ' ').trim()).toBe(query.replace(/\s+/g, ' ').trim());
  // GraphiQL parses the editor 100 ms after the last edit, and decides by that parse whether an operation
  // is a subscription (graphql-ws) or not (HTTP): a person cannot click Run sooner, a test can.
  await page.waitForFunction(() => {
    const editor = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
    return editor.documentAST?.loc?.source.body === editor.getValue();
  });
}

async function run(page: Page): Promise<void> {
  await page.click('.graphiql-execute-button');
}

/** The result pane's visible text (CodeMirror renders spaces as no-break spaces), once it contains `expected`. */
async function resultShows(page: Page, expected: string, timeoutMs = 15_000): Promise<string> {
  const shows = (text: string) => {
    const pane = document.querySelector('.graphiql-response .CodeMirror-code');
    const shown: string = (pane?.innerText ?? '').replace(/\u00a0/g, ' ').replace(/\u200b/g, '');
    return shown.includes(text) ? shown : false;
  };
  try {
    return (await (await page.waitForFunction(shows, expected, { timeout: timeoutMs })).jsonValue()) as string;
  } catch (err) {
    const now = await page.evaluate(() => document.querySelector('.graphiql-response .CodeMirror-code')?.innerText as string | undefined);
    throw new Error(`the result pane did not show ${expected} within ${timeoutMs} ms; it shows: ${now}`, { cause: err });
  }
}

async function demoAuthorization(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(JSON.parse(document.getElementById('graphiql-config').textContent).headers).Authorization as string);
}

describe('IDE offline, in chromium', () => {
  it('falls back from Apollo Sandbox to the local GraphiQL, which runs { viewer { id } } with the demo token', async () => {
    const { page, context, refused } = await offlinePage();
    await page.goto(stack.graphqlUrl, { waitUntil: 'commit' });
    await page.waitForURL((url) => url.pathname === '/graphiql', { timeout: 15_000 });
    // Apollo's page logs its failed loads; what the local IDE logs is checked from here on.
    const errors = consoleErrors(page);
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    // It fell back because Apollo's CDN was unreachable, and said so.
    expect(refused.some((url) => url.startsWith('https://embeddable-sandbox.cdn.apollographql.com/'))).toBe(true);
    expect(new URL(page.url()).hash).toBe('#from-apollo-sandbox=script-failed');
    // The headers editor is open and shows the demo token.
    expect(await page.locator('.graphiql-editor-tool').innerText()).toContain('"Authorization": "Bearer ey');
    await screenshot(page, 'ide-offline-fallback');

    await typeQuery(page, '{ viewer { id } }');
    await run(page);
    const result = await resultShows(page, '"id"');
    expect(JSON.parse(result)).toEqual({ data: { viewer: { id: viewerId('alice') } } });
    await screenshot(page, 'ide-offline-viewer-result');
    // Nothing refused by the page's policy, nothing thrown.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an App2App subscription move through its states as the wallet approves the request', async () => {
    const { page, context } = await offlinePage();
    const errors = consoleErrors(page);
    const framesSent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (frame) => framesSent.push(String(frame.payload))));
    await page.goto(`${stack.baseUrl}/graphiql`);
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');

    await typeQuery(page, 'mutation { prepareApp2App(input: {type: AUTH}) { request { requestKey status } userErrors { code } } }', 'paste');
    await run(page);
    const prepared = JSON.parse(await resultShows(page, '"requestKey"'));
    expect(prepared.data.prepareApp2App).toMatchObject({ request: { status: 'PREPARED' }, userErrors: [] });
    const requestKey: string = prepared.data.prepareApp2App.request.requestKey;

    await typeQuery(page, `subscription { app2appRequest(requestKey: "${requestKey}") { status } }`, 'paste');
    await run(page);
    // The request's state at once (the mutation's answer above says PREPARED too, hence the whole shape).
    expect(JSON.parse(await resultShows(page, '"app2appRequest"'))).toEqual({ data: { app2appRequest: { status: 'PREPARED' } } });
    // The socket authenticated the way the gateway reads it: `authorization` in connection_init.
    const init = framesSent.map((f) => JSON.parse(f)).find((m) => m.type === 'connection_init');
    expect(init).toEqual({ type: 'connection_init', payload: { authorization: await demoAuthorization(page) } });

    await wallet(stack, requestKey).open();
    expect(JSON.parse(await resultShows(page, '"REQUESTED"'))).toEqual({ data: { app2appRequest: { status: 'REQUESTED' } } });
    await screenshot(page, 'ide-offline-subscription-requested');

    await wallet(stack, requestKey).approve();
    expect(JSON.parse(await resultShows(page, '"COMPLETED"'))).toEqual({ data: { app2appRequest: { status: 'COMPLETED' } } });
    await screenshot(page, 'ide-offline-subscription-completed');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the landing page's guard, with Apollo's CDN and embed played by stubs", () => {
  /** Stands in for Apollo's CDN script: records its options and embeds an iframe from Apollo's embed host. */
  const stubSandboxScript = `window.EmbeddedSandbox = function (options) {
    window.embeddedSandboxOptions = options;
    var frame = document.createElement('iframe');
    frame.src = 'https://sandbox.embed.apollographql.com/sandbox/explorer';
    document.querySelector(options.target).appendChild(frame);
  };`;

  async function openWithStubs(page: Page, embedAnswers: boolean): Promise<void> {
    await page.route(APOLLO_CDN_SCRIPT, (route) => route.fulfill({ contentType: 'text/javascript', body: stubSandboxScript }));
    await page.route(APOLLO_EMBED, (route) =>
      embedAnswers
        ? // What the real embed does first: ask its parent for a handshake.
          route.fulfill({ contentType: 'text/html', body: `<p>Apollo Sandbox (stub)</p><script>parent.postMessage({ name: 'ExplorerListeningForHandshake' }, '*');</script>` })
        : route.abort('internetdisconnected'),
    );
    await page.goto(stack.graphqlUrl, { waitUntil: 'commit' });
  }

  it('stays on Apollo Sandbox, with the demo token, when the embed loads', async () => {
    const { page, context } = await offlinePage();
    await openWithStubs(page, true);
    await page.waitForFunction(() => window.embeddedSandboxOptions !== undefined);
    await page.waitForTimeout(EMBED_SILENCE_MS + 2_000);
    expect(new URL(page.url()).pathname).toBe('/graphql');
    const options = await page.evaluate(() => window.embeddedSandboxOptions);
    expect(options).toMatchObject({ initialEndpoint: stack.graphqlUrl, initialState: { headers: { Authorization: expect.stringMatching(/^Bearer ey/) } } });
    await screenshot(page, 'ide-online-apollo-sandbox-stub');
    await context.close();
  });

  it('falls back to the local GraphiQL when the CDN script loads but the embed never answers', async () => {
    const { page, context } = await offlinePage();
    const started = Date.now();
    await openWithStubs(page, false);
    await page.waitForURL((url) => url.pathname === '/graphiql', { timeout: EMBED_SILENCE_MS + 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(EMBED_SILENCE_MS - 1_000);
    expect(new URL(page.url()).hash).toBe('#from-apollo-sandbox=embed-silent');
    await page.waitForSelector('.graphiql-container');
    await context.close();
  });
});
