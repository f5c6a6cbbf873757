/**
 * A small pool of web workers as the core's `MonteCarloRunner`: `navigator.hardwareConcurrency − 1`
 * workers (at least 1), so the page's own thread stays free to draw. Each block goes to an idle worker;
 * the engine runs at most `concurrency` blocks at a time. `terminate()` stops every worker at once (cancel).
 */
import type { MonteCarloChunk, MonteCarloRunner, MonteCarloTask, Pathway } from '@peakpath/core';
import type { WorkerAnswer, WorkerTask } from './mc-worker.ts';

interface Slot {
  readonly worker: Worker;
  /** The pathway this worker holds. */
  sent: Pathway | null;
  busy: boolean;
}

export interface WorkerPool extends MonteCarloRunner {
  terminate(reason: string): void;
}

export const poolSize = (): number => Math.max(1, (navigator.hardwareConcurrency || 2) - 1);

export function createWorkerPool(size = poolSize()): WorkerPool {
  const slots: Slot[] = [];
  const waiting = new Map<number, { resolve: (chunk: MonteCarloChunk) => void; reject: (error: Error) => void }>();
  const keys = new WeakMap<Pathway, number>();
  let nextId = 1;
  let nextKey = 1;
  let stopped: string | null = null;

  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./mc-worker.ts', import.meta.url), { type: 'module' });
    const slot: Slot = { worker, sent: null, busy: false };
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      slot.busy = false;
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (!pending) return;
      if ('chunk' in data) pending.resolve(data.chunk);
      else pending.reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        pending.reject(new Error(event.message || 'a Monte Carlo worker failed'));
      }
    };
    slots.push(slot);
  }

  return {
    concurrency: size,
    run(task: MonteCarloTask): Promise<MonteCarloChunk> {
      if (stopped !== null) return Promise.reject(new Error(stopped));
      const slot = slots.find((candidate) => !candidate.busy);
      if (!slot) return Promise.reject(new Error('more Monte Carlo blocks at once than workers'));
      let key = keys.get(task.pathway);
      if (key === undefined) keys.set(task.pathway, (key = nextKey++));
      const id = nextId++;
      const message: WorkerTask = { id, key, scenario: task.scenario, seed: task.seed, from: task.from, runs: task.runs, ...(slot.sent === task.pathway ? {} : { pathway: task.pathway }) };
      slot.sent = task.pathway;
      slot.busy = true;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage(message);
      });
    },
    terminate(reason: string) {
      stopped = reason;
      for (const slot of slots) slot.worker.terminate();
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        pending.reject(new Error(reason));
      }
    },
  };
}
