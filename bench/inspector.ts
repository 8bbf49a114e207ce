/**
 * A session on the V8 inspector of a process started with `--inspect=127.0.0.1:0` (its websocket URL
 * is what processes.ts captures): Chrome DevTools Protocol calls from the bench process, so a server
 * under test needs no bench-only hook of its own — CPU profiles (cpu-profile.ts), and the heap after a
 * full GC (`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`).
 */
import WebSocket from 'ws';

interface InspectorReply {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export interface InspectorSession {
  call<T = unknown>(method: string, params?: object): Promise<T>;
  /** V8 heap in use after a full garbage collection, bytes. */
  heapAfterGc(): Promise<number>;
  /** V8 heap in use now (no GC forced), bytes. */
  heapUsed(): Promise<number>;
  /** A heap snapshot (it forces a GC first), as the JSON text DevTools saves as `.heapsnapshot`. */
  heapSnapshot(): Promise<string>;
  close(): void;
}

export async function openInspector(inspectorUrl: string): Promise<InspectorSession> {
  const socket = new WebSocket(inspectorUrl, { maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const snapshotChunks: string[] = [];
  const waiting = new Map<number, { resolve(result: unknown): void; reject(err: Error): void }>();
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString()) as InspectorReply;
    if (reply.method === 'HeapProfiler.addHeapSnapshotChunk') snapshotChunks.push((reply.params as { chunk: string }).chunk);
    const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!pending || reply.id === undefined) return;
    waiting.delete(reply.id);
    if (reply.error) pending.reject(new Error(`inspector: ${reply.error.message}`));
    else pending.resolve(reply.result);
  });
  socket.on('close', () => {
    for (const pending of waiting.values()) pending.reject(new Error('inspector: session closed'));
    waiting.clear();
  });
  const call = <T>(method: string, params?: object): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const heapUsed = async () => (await call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  return {
    call,
    heapUsed,
    async heapAfterGc() {
      await call('HeapProfiler.collectGarbage');
      return heapUsed();
    },
    async heapSnapshot() {
      snapshotChunks.length = 0;
      // The chunks arrive as events before the call's own reply.
      await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      return snapshotChunks.splice(0).join('');
    },
    close: () => socket.close(),
  };
}
