import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  id?: string;
  tid: number;
  args: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: object;
  children?: number[];
}

/**
 * The CPU profiles of the page's workers from a trace of the `v8.cpu_profiler` category: a worker
 * ends (the import's reader is terminated when it has answered) and takes the DevTools protocol's
 * profile with it, but the trace keeps its samples. One `.cpuprofile` per worker thread.
 */
function workerProfiles(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): object[] {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const workerThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args.name === 'DedicatedWorker thread')
      .map((e) => e.tid),
  );
  const profiles = new Map<
    string,
    { startTime: number; nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  >();
  for (const event of events) {
    if (event.id === undefined) continue;
    // A profile starts on its own thread; its chunks come from the profiler's thread, by its id.
    if (event.name === 'Profile' && workerThreads.has(event.tid))
      profiles.set(event.id, {
        startTime: event.args.data?.startTime ?? 0,
        nodes: [],
        samples: [],
        timeDeltas: [],
      });
    const profile = profiles.get(event.id);
    if (event.name !== 'ProfileChunk' || profile === undefined) continue;
    profile.nodes.push(...(event.args.data?.cpuProfile?.nodes ?? []));
    profile.samples.push(...(event.args.data?.cpuProfile?.samples ?? []));
    profile.timeDeltas.push(...(event.args.data?.timeDeltas ?? []));
  }
  return [...profiles.values()]
    .filter((p) => p.samples.length > 0)
    .map((p) => {
      // DevTools' own format: every frame has a url and positions (the trace omits empty ones).
      const byId = new Map(
        p.nodes.map((node) => [
          node.id,
          {
            ...node,
            callFrame: { url: '', lineNumber: -1, columnNumber: -1, ...node.callFrame },
            children: [] as number[],
          },
        ]),
      );
      for (const node of byId.values())
        if (node.parent !== undefined) byId.get(node.parent)?.children.push(node.id);
      const endTime = p.startTime + p.timeDeltas.reduce((sum, delta) => sum + delta, 0);
      return { ...p, nodes: [...byId.values()], endTime };
    });
}

/** A page's CPU profile being recorded (see {@link startCpuProfile}). */
export interface CpuProfiling {
  /** Stops and keeps the profile in test-results/bench/NAME.cpuprofile (open it in DevTools). */
  save(): Promise<void>;
}

/**
 * With BENCH_CPUPROFILE=1 (and BENCH_NOMINIFY=1 for function names), records the page's CPU
 * profile until `save()`; otherwise does nothing. The profile keeps `pageNowAtStart`, the page's
 * `performance.now()` when it started, to place the app's performance marks in it. Each worker the
 * page runs meanwhile is kept as NAME-worker-N.cpuprofile.
 */
export async function startCpuProfile(page: Page, name: string): Promise<CpuProfiling> {
  if (!process.env.BENCH_CPUPROFILE) return { save: () => Promise.resolve() };
  const session = await page.context().newCDPSession(page);
  // Workers are profiled through a trace (see `workerProfiles`).
  const browser = page.context().browser();
  // BENCH_TRACE=1 also keeps the page's timeline (tasks, script, layout) as NAME.trace.json:
  // what a CPU profile shows only as "(program)", and each main-thread task's length.
  const timeline = process.env.BENCH_TRACE
    ? ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing', 'loading']
    : [];
  await browser?.startTracing(page, {
    categories: ['disabled-by-default-v8.cpu_profiler', '__metadata', ...timeline],
  });
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  const pageNowAtStart = await page.evaluate(() => performance.now());
  return {
    async save() {
      const { profile } = await session.send('Profiler.stop');
      mkdirSync(join('test-results', 'bench'), { recursive: true });
      writeFileSync(
        join('test-results', 'bench', `${name}.cpuprofile`),
        JSON.stringify({ ...profile, pageNowAtStart }),
      );
      await session.detach();
      const trace = await browser?.stopTracing();
      if (trace === undefined) return;
      if (process.env.BENCH_TRACE)
        writeFileSync(join('test-results', 'bench', `${name}.trace.json`), trace);
      workerProfiles(JSON.parse(trace.toString()) as TraceEvent[]).forEach((worker, i) =>
        writeFileSync(
          join('test-results', 'bench', `${name}-worker-${i + 1}.cpuprofile`),
          JSON.stringify(worker),
        ),
      );
    },
  };
}
