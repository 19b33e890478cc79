import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { asZhtagError, ZhtagError, zhtagError } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { WorkBatch, WorkerMessage, WorkerSetup, WorkResult } from './protocol.js';

/** The compiled worker module (tests run the sources through vitest, so they use the built one). */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return pathToFileURL(join(packageRoot(), 'dist/src/corpus/worker.js'));
  return new URL('./worker.js', import.meta.url);
}

interface Slot {
  worker: Worker;
  /** Batches posted to this worker and not answered yet, oldest first (a worker answers in order). */
  pending: Array<{ resolve: (result: WorkResult) => void; reject: (error: Error) => void }>;
}

/**
 * Batches queued per worker: with two, a worker that finishes one starts the next at once instead of
 * waiting for the main thread (busy writing another worker's output) to post it.
 */
const DEPTH = 2;

interface Waiting {
  batch: WorkBatch;
  resolve: (result: WorkResult) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed-size pool of worker threads, each with its own Pipeline. Workers start only when work is
 * waiting and all started ones are busy, so a one-document run never pays for loading N pipelines.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly size: number,
    private readonly setup: WorkerSetup,
  ) {}

  /** Worker threads started so far. */
  get started(): number {
    return this.slots.length;
  }

  run(batch: WorkBatch): Promise<WorkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // An idle worker first, then a new one, then one with room in its queue.
      let slot = this.slots.find((candidate) => candidate.pending.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.find((candidate) => candidate.pending.length < DEPTH);
      if (!slot) return;
      const next = this.queue.shift() as Waiting;
      slot.pending.push({ resolve: next.resolve, reject: next.reject });
      slot.worker.postMessage(next.batch);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), { workerData: this.setup });
    const slot: Slot = { worker, pending: [] };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') {
        slot.pending.shift()?.resolve(message.result);
        this.dispatch();
      } else if (message.type === 'fatal') {
        this.fail(new ZhtagError(message.code, message.message));
      }
    });
    worker.on('error', (error) => this.fail(asZhtagError(error)));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.failure)
        this.fail(zhtagError('E_INTERNAL', `worker thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const slot of this.slots) for (const waiting of slot.pending.splice(0)) waiting.reject(error);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }

  async close(): Promise<void> {
    this.failure ??= zhtagError('E_INTERNAL', 'worker pool closed');
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
