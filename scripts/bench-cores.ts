/**
 * `node dist/scripts/bench-cores.js`: how far this machine scales from one worker thread to two on
 * work that is not zhtag's, as a ceiling for `npm run bench:corpus`'s scaling figure.
 *
 * Three kinds of work, each run by 1 and then 2 worker threads (each thread does the same amount):
 * - `alu`: integer arithmetic on registers (no memory traffic);
 * - `cache`: random reads in a 512 KB table (fits in a core's own cache);
 * - `l3`: random reads in a 24 MB table (one fits the shared 32 MB L3, two do not);
 * - `memory`: random reads in a 64 MB table (misses every cache, like model and dictionary lookups).
 * Prints the throughput ratio of 2 threads to 1 for each: 2.00 means the two cores are independent.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

type Kind = 'alu' | 'cache' | 'l3' | 'memory';
const ROUNDS = 40_000_000;

function work(kind: Kind): number {
  if (kind === 'alu') {
    let x = 1;
    for (let i = 0; i < ROUNDS * 4; i++) x = (Math.imul(x, 0x9e3779b1) + i) | 0;
    return x;
  }
  const bytes = { cache: 512 * 1024, l3: 24 * 1024 * 1024, memory: 64 * 1024 * 1024 }[kind];
  const table = new Int32Array(bytes / 4);
  for (let i = 0; i < table.length; i++) table[i] = Math.imul(i, 0x85ebca6b);
  const mask = table.length - 1;
  const rounds = kind === 'cache' ? ROUNDS : ROUNDS / 8;
  let at = 0;
  let sum = 0;
  for (let i = 0; i < rounds; i++) {
    const value = table[at] as number;
    sum = (sum + value) | 0;
    at = (Math.imul(value ^ i, 0x9e3779b1) >>> 0) & mask;
  }
  return sum;
}

function runThreads(kind: Kind, threads: number): Promise<number> {
  const started = performance.now();
  const workers = Array.from(
    { length: threads },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: kind });
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
  );
  return Promise.all(workers).then(() => (performance.now() - started) / 1000);
}

if (!isMainThread) {
  work(workerData as Kind);
  parentPort?.postMessage('done');
} else {
  console.log('kind     1 thread s  2 threads s  scaling (2 threads do twice the work)');
  for (const kind of ['alu', 'cache', 'l3', 'memory'] as const) {
    const one = Math.min(await runThreads(kind, 1), await runThreads(kind, 1));
    const two = Math.min(await runThreads(kind, 2), await runThreads(kind, 2));
    console.log(
      `${kind.padEnd(8)} ${one.toFixed(2).padStart(10)} ${two.toFixed(2).padStart(12)} ${((2 * one) / two).toFixed(2).padStart(8)}x`,
    );
  }
}
