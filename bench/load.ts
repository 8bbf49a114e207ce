/**
 * One load run with autocannon: a fixed request on N keep-alive connections for D seconds. A run
 * only counts when every response was a 2xx with the expected body — otherwise it throws, so a
 * broken query (an error answers fast) can never show up as a fast number.
 */
import autocannon from 'autocannon';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /**
   * The exact body every response must have, when the target answers the same bytes every time
   * (cheapest and strictest); otherwise `verifyBody`.
   */
  expectBody?: string;
  verifyBody?: (body: string) => boolean;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts (its "Req/Sec Avg"). */
  rps: number;
  /** Latency percentiles of the 2xx responses, ms. */
  p50: number;
  p99: number;
  /** Responses completed. */
  requests: number;
  /** Requests sent, including those still in flight when the run stopped (the server still answers them). */
  sent: number;
  seconds: number;
}

export class LoadFailed extends Error {
  override name = 'LoadFailed';
}

export async function runLoad(request: HttpRequest, options: LoadOptions): Promise<LoadResult> {
  const verify = options.verifyBody;
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    duration: options.durationSeconds,
    expectBody: options.expectBody,
    // autocannon hands over the body as a string (its types allow a Buffer or nothing too).
    verifyBody: verify ? (body) => verify(typeof body === 'string' ? body : (body?.toString('utf8') ?? '')) : undefined,
  });
  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses (${describeCodes(result.statusCodeStats)})`);
  if (result.mismatches > 0) problems.push(`${result.mismatches} responses with an unexpected body`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (result.requests.total === 0) problems.push('no response at all');
  if (problems.length > 0) throw new LoadFailed(`${request.method} ${request.url}: ${problems.join('; ')}`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    sent: result.requests.sent,
    seconds: result.duration,
  };
}

function describeCodes(stats: Record<string, { count?: number }> | undefined): string {
  if (!stats) return 'codes unknown';
  return Object.entries(stats)
    .map(([code, { count }]) => `${code}: ${count ?? 0}`)
    .join(', ');
}

/**
 * Sends the request once, outside autocannon, and returns status and body — used to check a target
 * before loading it and to learn whether it answers the same bytes every time.
 */
export async function sendOnce(request: HttpRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  return { status: res.status, body: await res.text() };
}
