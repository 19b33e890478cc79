import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { isErrorCode, ZhtagError, zhtagError } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { AppendedRow, TaskEnvelope, WorkerData, WorkerTask } from './protocol.js';

export interface PoolOptions {
  workers: number;
  /** Tasks allowed to wait for a worker; beyond that, `run` fails with `E_BUSY`. */
  maxQueue: number;
  timeoutMs: number;
  /** Told when a worker fails outside a task (it is replaced); default: ignored. */
  onWorkerError?: (error: unknown) => void;
}

/** A worker's ZhtagError arrives as a plain Error with its `code`: make it a ZhtagError again. */
function revive(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (isErrorCode(code) && typeof message === 'string') {
    return new ZhtagError(code, message);
  }
  return error;
}

/**
 * The compiled worker. Tests run this module from `src/` through vitest, but worker threads on
 * Node 20 cannot load TypeScript, so from source the built `dist/` worker is used.
 */
function workerFile(): string {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url));
  const file = existsSync(sibling) ? sibling : join(packageRoot(), 'dist', 'src', 'server', 'worker.js');
  if (!existsSync(file)) throw zhtagError('E_INTERNAL', `${file} is missing; run "npm run build" first`);
  return file;
}

/** One set of workers built from the same data, and the user-dictionary rows appended since. */
interface Generation {
  pool: Piscina<TaskEnvelope, string>;
  appended: AppendedRow[];
}

/** Rows a generation carries before the next change starts a fresh one (each task carries them all). */
const MAX_APPENDED = 256;

/**
 * A pool of worker threads, each with its own Pipeline. A term added to the user dictionary is sent
 * with every later task (see `TaskEnvelope`), so whichever worker runs the next request loads it
 * first. Replacing or removing a term starts a new generation of workers built from the rewritten
 * file, so every worker holds exactly what a restart would load.
 */
export class TaggerPool {
  private current: Generation;
  private readonly retiring = new Set<Promise<void>>();

  private constructor(
    private readonly options: PoolOptions,
    first: Generation,
  ) {
    this.current = first;
  }

  /** Starts a pool and waits until every worker has built its pipeline. */
  static async start(options: PoolOptions, data: WorkerData): Promise<TaggerPool> {
    return new TaggerPool(options, await TaggerPool.spawn(options, data));
  }

  private static async spawn(options: PoolOptions, data: WorkerData): Promise<Generation> {
    const pool = new Piscina<TaskEnvelope, string>({
      filename: workerFile(),
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      maxQueue: options.maxQueue,
      workerData: data,
    });
    // A worker that cannot build its pipeline (a bad --dict file, say) fails the start; later
    // failures outside a task are reported and piscina replaces the worker.
    let reportError: (error: unknown) => void = () => undefined;
    const startFailed = new Promise<never>((_resolve, reject) => {
      reportError = reject;
    });
    pool.on('error', (error: unknown) => reportError(error));
    try {
      // One ping per worker at once: each lands on a different thread and waits for its pipeline.
      const ping: TaskEnvelope = { task: { kind: 'ping' }, appended: [] };
      await Promise.race([
        Promise.all(Array.from({ length: options.workers }, () => pool.run(ping))),
        startFailed,
      ]);
    } catch (error) {
      await pool.destroy().catch(() => undefined);
      throw revive(error);
    }
    reportError = options.onWorkerError ?? (() => undefined);
    return { pool, appended: [] };
  }

  /** Runs a task; rejects with `E_BUSY` when the queue is full, `E_TIMEOUT` past the timeout (the worker is replaced). */
  async run(task: WorkerTask): Promise<string> {
    const { pool, appended } = this.current;
    if (pool.queueSize >= this.options.maxQueue) {
      throw zhtagError('E_BUSY', pool.queueSize);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      return await pool.run({ task, appended }, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) {
        throw zhtagError('E_TIMEOUT', this.options.timeoutMs);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether `append` can take another row, or the change should go through `replace`. */
  get canAppend(): boolean {
    return this.current.appended.length < MAX_APPENDED;
  }

  /** A row appended to the user dictionary: every task from now on carries it. */
  append(row: AppendedRow): void {
    this.current.appended.push(row);
  }

  /** Builds a new generation of workers from `data`, then routes new tasks to it; the old one drains. */
  async replace(data: WorkerData): Promise<void> {
    const next = await TaggerPool.spawn(this.options, data);
    const previous = this.current.pool;
    this.current = next;
    const retired = previous.close().finally(() => this.retiring.delete(retired));
    this.retiring.add(retired);
  }

  get stats(): { workers: number; queued: number; completed: number } {
    const { pool } = this.current;
    return { workers: pool.threads.length, queued: pool.queueSize, completed: pool.completed };
  }

  /** Waits for running and queued tasks, then stops every worker. */
  async close(): Promise<void> {
    await Promise.all([this.current.pool.close(), ...this.retiring]);
  }
}
