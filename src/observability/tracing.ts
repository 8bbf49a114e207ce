/**
 * OpenTelemetry traces for operators: a span per GraphQL operation (name, type, a hash of the viewer
 * id, outcome) and a child span per upstream call (provider, route template, status, retries), with
 * the W3C `traceparent` sent to the upstream, continued from one a client sends, and the trace id in
 * the operation's log lines.
 *
 * Exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, sampled at OTEL_TRACES_SAMPLER_ARG
 * (parent-based: a sampled caller's trace is kept whole). Without an endpoint tracing is off and close
 * to free: `enabled` is false and callers skip span work altogether (no span objects, no attributes).
 *
 * Spans are parented explicitly through the operation's scope (scope.span), not through an ambient
 * async context: the one place an operation's identity travels is already its scope.
 */
import { createHash } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, SimpleSpanProcessor, TraceIdRatioBasedSampler, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export type { Span } from '@opentelemetry/api';

export interface TracingOptions {
  /** OTLP/HTTP traces endpoint base (`http://collector:4318`); tracing is off without it (or an exporter). */
  endpoint?: string;
  /** The share of new traces kept, 0..1. */
  sampleRatio: number;
  serviceName: string;
  /** Tests: spans go here (e.g. an InMemorySpanExporter), synchronously, instead of OTLP. */
  exporter?: SpanExporter;
}

const propagator = new W3CTraceContextPropagator();

export class Tracing {
  readonly enabled: boolean;
  private readonly provider?: BasicTracerProvider;
  private readonly tracer?: Tracer;

  constructor(options: TracingOptions) {
    const exporter = options.exporter ?? (options.endpoint ? new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` }) : undefined);
    this.enabled = exporter !== undefined;
    if (!exporter) return;
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': options.serviceName }),
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
      spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    });
    this.tracer = this.provider.getTracer('rewardgraph');
  }

  /** The span of one operation, continuing a client's `traceparent` when it sends one. */
  startOperation(traceparent?: string): Span | undefined {
    if (!this.tracer) return undefined;
    const parent = traceparent ? propagator.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter) : ROOT_CONTEXT;
    return this.tracer.startSpan('graphql.operation', { kind: SpanKind.SERVER }, parent);
  }

  /** A child span of `parent` (an operation's) for one upstream call; none when the operation has none. */
  startUpstream(parent: Span | undefined, name: string, attributes: Attributes): Span | undefined {
    if (!this.tracer || !parent) return undefined;
    return this.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, trace.setSpan(ROOT_CONTEXT, parent));
  }

  /** Writes `span`'s W3C `traceparent` into outgoing headers. */
  inject(span: Span, headers: Record<string, string>): void {
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
  }

  async shutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}

/** Ends `span` with an outcome: `ok`, or the first error's code (an error status then). */
export function endWithOutcome(span: Span | undefined, outcome: string): void {
  if (!span) return;
  span.setAttribute('graphql.outcome', outcome);
  if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end();
}

/** A viewer id as traces carry it: a short hash, never the id itself. */
export function viewerHash(viewerId: string): string {
  return createHash('sha256').update(viewerId).digest('hex').slice(0, 16);
}

/** The trace id of `span` for log lines; undefined without one or when sampled out (no trace to find). */
export function traceIdOf(span: Span | undefined): string | undefined {
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
