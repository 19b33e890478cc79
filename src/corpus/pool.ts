import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ZhtagError } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { WorkBatch, WorkerMessage, WorkerSetup, WorkResult } from './protocol.js';

/** The compiled worker module (tests run the sources through vitest, so they use the built one). */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return pathToFileURL(join(packageRoot(), 'dist/src/corpus/worker.js'));
  return new URL('./worker.js', import.meta.url);
}

interface Slot {
  worker: Worker;
  busy: boolean;
  resolve?: (result: WorkResult) => void;
  reject?: (error: Error) => void;
}

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
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift() as Waiting;
      slot.busy = true;
      slot.resolve = next.resolve;
      slot.reject = next.reject;
      slot.worker.postMessage(next.batch);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), { workerData: this.setup });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') {
        const resolve = slot.resolve;
        slot.busy = false;
        slot.resolve = undefined;
        slot.reject = undefined;
        resolve?.(message.result);
        this.dispatch();
      } else if (message.type === 'fatal') {
        this.fail(new ZhtagError(message.code, message.message));
      }
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.failure) this.fail(new Error(`zhtag: worker thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const slot of this.slots) slot.reject?.(error);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('zhtag: worker pool closed');
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
