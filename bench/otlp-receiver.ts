/**
 * A stand-in OpenTelemetry collector for the throughput benchmark: accepts OTLP/HTTP exports
 * (`POST /v1/traces`, protobuf or JSON), answers 200 with an empty ExportTraceServiceResponse, and
 * counts exports, bytes and (for JSON bodies) spans. It reads every body, as a collector would, so
 * the gateway pays the full cost of exporting; it forwards nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpReceiver {
  /** The base URL to set as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  readonly exports: number;
  readonly bytes: number;
  /** Spans counted in JSON exports (protobuf bodies are counted in bytes only). */
  readonly spans: number;
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const counts = { exports: 0, bytes: 0, spans: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      counts.exports++;
      counts.bytes += body.length;
      if (String(req.headers['content-type']).startsWith('application/json')) counts.spans += countJsonSpans(body);
      res.writeHead(200, { 'content-type': String(req.headers['content-type'] ?? 'application/json') }).end(String(req.headers['content-type']).startsWith('application/json') ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get exports() { return counts.exports; },
    get bytes() { return counts.bytes; },
    get spans() { return counts.spans; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function countJsonSpans(body: Buffer): number {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: unknown[] }> }> };
    return (parsed.resourceSpans ?? []).reduce((n, rs) => n + (rs.scopeSpans ?? []).reduce((m, ss) => m + (ss.spans?.length ?? 0), 0), 0);
  } catch {
    return 0;
  }
}
