/**
 * Records a CPU profile of a server process over exactly one load run, through the V8 inspector of a
 * process started with `--inspect=127.0.0.1:0` (Profiler.start / Profiler.stop over its websocket).
 * Why not `node --cpu-prof`: that profiles the whole life of the process, so start-up (module
 * loading, schema building) and warm-up would be mixed into the profile of the request path, and
 * differently so before and after an optimisation. The file written is the same `.cpuprofile`
 * format `--cpu-prof` writes (and Chrome DevTools / speedscope open).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openInspector } from './inspector';

export interface ProfilerSession {
  /** Stops the profiler, writes the profile to `file` and closes the session. */
  stopTo(file: string): Promise<void>;
}

export async function startProfiler(inspectorUrl: string): Promise<ProfilerSession> {
  const inspector = await openInspector(inspectorUrl);
  const call = inspector.call;
  await call('Profiler.enable');
  // 1 ms, what `--cpu-prof` samples at by default, so both kinds of profile compare.
  await call('Profiler.setSamplingInterval', { interval: 1000 });
  await call('Profiler.start');
  return {
    async stopTo(file) {
      const { profile } = await call<{ profile: unknown }>('Profiler.stop');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      inspector.close();
    },
  };
}
