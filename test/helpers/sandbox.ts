/** The sandbox tests' setup: one sandbox per test file, reset before each test, and a JSON client for it. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire answers are asserted field by field
export type Json = any;

/** A sandbox answer: the HTTP status and the parsed JSON body (null when the body is not JSON). */
export interface Answer<T = Json> {
  status: number;
  body: T;
}

/** `fetch` options, plus `json` (sent as the JSON body; the method then defaults to POST) and `token` (sent as a bearer token). */
export interface JsonInit extends RequestInit {
  json?: unknown;
  token?: string;
}

export interface SandboxHandle {
  /** The running sandbox: only inside hooks and tests. */
  readonly current: Sandbox;
  readonly url: string;
  readonly baseUrls: Sandbox['baseUrls'];
  readonly credentials: Sandbox['credentials'];
  /** A JSON request to `path` under the sandbox's URL (or to a full URL such as one of `baseUrls`). */
  json<T = Json>(path: string, init?: JsonInit): Promise<Answer<T>>;
  /** Moves the sandbox clock on by `seconds`. */
  advance(seconds: number): Promise<Answer>;
}

/**
 * Starts a sandbox (with `options`) on an ephemeral port for the calling test file or describe block,
 * closes it after, and resets it (clock, stats, faults, provider state) before each test.
 */
export function useSandbox(options: Omit<SandboxOptions, 'port'> = {}): SandboxHandle {
  let running: Sandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ ...options, port: 0 });
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    await fetch(`${handle.url}/_sandbox/reset`, { method: 'POST' });
  });

  async function json<T = Json>(path: string, init: JsonInit = {}): Promise<Answer<T>> {
    const { json: payload, token, headers, ...rest } = init;
    const res = await fetch(/^https?:\/\//.test(path) ? path : `${handle.url}${path}`, {
      ...rest,
      ...(payload === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(payload) }),
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        // The tests pass headers as plain objects.
        ...((headers as Record<string, string> | undefined) ?? {}),
      },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  }

  const handle: SandboxHandle = {
    get current(): Sandbox {
      if (!running) throw new Error('useSandbox(): the sandbox runs only inside hooks and tests');
      return running;
    },
    get url() {
      return handle.current.url;
    },
    get baseUrls() {
      return handle.current.baseUrls;
    },
    get credentials() {
      return handle.current.credentials;
    },
    json,
    advance: (seconds) => json('/_sandbox/clock', { json: { advanceSeconds: seconds } }),
  };
  return handle;
}
