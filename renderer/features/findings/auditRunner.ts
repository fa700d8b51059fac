/**
 * One audit runner per page: runs go to a Web Worker, one at a time. Asking while a run is going
 * queues exactly one more (the data changed during the run); asking twice while idle within the
 * debounce delay runs once.
 */
import { useSyncExternalStore } from 'react';
import type { TemDeskDatabase } from '../../db/database';
import { runAndSaveAudit, type AuditRunSummary } from '../../db/findings';
import type { AuditRequest, AuditResponse } from './audit-protocol';

export interface AuditRunState {
  running: boolean;
  last?: AuditRunSummary;
  error?: string;
}

let state: AuditRunState = { running: false };
const listeners = new Set<() => void>();
let worker: Worker | undefined;
let pending: TemDeskDatabase | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function setState(next: AuditRunState): void {
  state = next;
  for (const listener of listeners) listener();
}

function runInWorker(db: TemDeskDatabase, request: AuditRequest): Promise<AuditRunSummary> {
  if (typeof Worker === 'undefined') return runAndSaveAudit(db, request.now);
  worker ??= new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
  const running = worker;
  return new Promise((resolve, reject) => {
    running.onmessage = (event: MessageEvent<AuditResponse>) => {
      const message = event.data;
      if (message.type === 'done') resolve(message.summary);
      else reject(new Error(message.message));
    };
    running.onerror = (event) => {
      worker = undefined;
      running.terminate();
      reject(new Error(event.message || 'The validation checks stopped unexpectedly.'));
    };
    running.postMessage(request);
  });
}

async function drain(): Promise<void> {
  while (pending !== undefined) {
    const db = pending;
    pending = undefined;
    setState({ ...state, running: true });
    try {
      const last = await runInWorker(db, {
        databaseName: db.name,
        now: new Date().toISOString(),
      });
      setState({ running: pending !== undefined, last });
    } catch (error) {
      setState({
        running: false,
        ...(state.last ? { last: state.last } : {}),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/** Runs the checks now (or right after the run in progress). Resolves when the queue is empty. */
export function runChecksNow(db: TemDeskDatabase): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const idle = pending === undefined && !state.running;
  pending = db;
  return idle ? drain() : Promise.resolve();
}

/** Runs the checks after `delayMs` of quiet: many changes in a row give one run. */
export function scheduleChecks(db: TemDeskDatabase, delayMs = 500): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void runChecksNow(db);
  }, delayMs);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a run is going, and the last run's summary (this page's runs). */
export function useAuditRunState(): AuditRunState {
  return useSyncExternalStore(subscribe, () => state);
}
