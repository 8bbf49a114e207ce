/**
 * One operation's scope: who is asking, the operation's per-request DataLoaders, and the signal that
 * ends its upstream work. Made once per HTTP operation and once per subscription event (never shared
 * across viewers: a loader cache shared by two viewers would leak data), handed by the resolver to its
 * service and by the service to every upstream call (`UpstreamRequest.scope`). Anything that must hold
 * for a whole operation (a deadline, a quota, a trace) belongs here, so that it reaches every upstream
 * call without another parameter threaded through the domains.
 *
 * Domains depend on this small interface, never on the GraphQL `Context` (which carries every domain's
 * service: depending on it is what made the import circle).
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Span } from '@opentelemetry/api';
import type DataLoader from 'dataloader';
import type { ViewerIdentity } from './auth/tokens';

export interface OperationScope {
  /** Correlates log lines of one operation. */
  readonly requestId: string;
  /** Who is asking; null for anonymous introspection and for background work. */
  readonly viewer: ViewerIdentity | null;
  /**
   * Aborted when the operation's work must stop: at its deadline (OPERATION_TIMEOUT_MS), with a
   * TimeoutError reason, or when the signal given at creation aborts. Every upstream call listens to it.
   */
  readonly signal: AbortSignal;
  /** Epoch ms of the deadline; Infinity for work without one. */
  readonly deadline: number;
  /** The operation's trace span, when tracing is on: upstream calls become its children. */
  readonly span?: Span;
  /** This operation's loader called `name`, created on first use. */
  loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C>;
  /**
   * The operation has answered: its deadline timer goes (work it left behind still ends by the
   * upstream's own time budget). Optional to call; without it the timer fires at the deadline.
   */
  end(): void;
}

export interface ScopeOptions {
  viewer: ViewerIdentity | null;
  /** @default a new random id */
  requestId?: string;
  /** The operation's time budget; none when absent (background work). */
  timeoutMs?: number;
  /** Another reason to stop (a client gone, a test), besides the deadline. */
  signal?: AbortSignal;
  span?: Span;
}

/** The reason a deadline aborts with: what `AbortSignal.timeout` gives, so every check for a timeout knows it. */
export function deadlineReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

export function createScope(options: ScopeOptions): OperationScope {
  return new Scope(options);
}

/**
 * The deadline's signal is made when something first listens (most operations never touch it before
 * they answer: a cached answer, a field without upstream) and its timer is cleared by `end()`, so a busy
 * instance does not keep one armed timer per operation of the last OPERATION_TIMEOUT_MS.
 */
class Scope implements OperationScope {
  readonly requestId: string;
  readonly viewer: ViewerIdentity | null;
  readonly deadline: number;
  readonly span?: Span;
  private readonly other?: AbortSignal;
  private controller?: AbortController;
  private timer?: NodeJS.Timeout;
  private unforward?: () => void;
  private loaders?: Map<string, DataLoader<unknown, unknown, unknown>>;

  constructor(options: ScopeOptions) {
    this.requestId = options.requestId ?? randomUUID();
    this.viewer = options.viewer;
    this.deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    this.span = options.span;
    this.other = options.signal;
  }

  get signal(): AbortSignal {
    if (this.controller) return this.controller.signal;
    // Work without a deadline (a poll) gets a signal of its own that never aborts. Not one shared by all:
    // each upstream call in flight listens to its scope's signal, and 1,000 pollers would pile 1,000
    // listeners on a shared one (Node warns of a leak past 10, and removing one walks the list).
    if (this.deadline === Infinity) return this.other ?? (this.controller = new AbortController()).signal;
    const controller = (this.controller = new AbortController());
    // Each upstream call and each deadline-bound field of the operation listens (withinDeadline): many
    // by design, bounded by the operation's cost limit, so no "possible leak" warning past 10.
    setMaxListeners(Infinity, controller.signal);
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) controller.abort(deadlineReason());
    else {
      this.timer = setTimeout(() => controller.abort(deadlineReason()), remaining);
      this.timer.unref();
    }
    const other = this.other;
    if (other && !controller.signal.aborted) {
      if (other.aborted) controller.abort(other.reason);
      else {
        const forward = (): void => controller.abort(other.reason);
        other.addEventListener('abort', forward, { once: true });
        this.unforward = () => other.removeEventListener('abort', forward);
        controller.signal.addEventListener('abort', this.unforward, { once: true });
      }
    }
    return controller.signal;
  }

  loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C> {
    const loaders = (this.loaders ??= new Map());
    let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = create();
      loaders.set(name, loader as unknown as DataLoader<unknown, unknown, unknown>);
    }
    return loader;
  }

  end(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unforward?.();
  }
}

/**
 * A scope for work no viewer asked for right now: a poll, a catalog sync, a credential renewal shared
 * by many operations (one operation's end must not cancel what others wait for). Fresh per task.
 */
export function backgroundScope(task: string): OperationScope {
  return createScope({ viewer: null, requestId: `background:${task}` });
}

/**
 * `work`, or a rejection with `onTimeout()` as soon as the scope's deadline passes, whichever comes
 * first: an operation answers by its deadline even while something it waits for (a credential renewal
 * shared with others, a lock) goes on in the background.
 */
export function withinDeadline<T>(scope: OperationScope, work: Promise<T>, onTimeout: () => Error): Promise<T> {
  if (scope.deadline === Infinity) return work;
  if (scope.signal.aborted) {
    work.catch(() => {});
    return Promise.reject(onTimeout());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onTimeout());
    scope.signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        scope.signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (err: unknown) => {
        scope.signal.removeEventListener('abort', abort);
        reject(err);
      },
    );
  });
}
