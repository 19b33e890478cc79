import { parentPort, workerData } from 'node:worker_threads';
import { asZhtagError, zhtagError } from '../errors.js';
import { annotateBatch, type BatchAnnotator, createBatchAnnotator } from './annotate-batch.js';
import type { WorkBatch, WorkerMessage, WorkerSetup } from './protocol.js';

// A worker thread of `annotateCorpus`: builds its Pipeline once, then annotates batches until closed.
const port = parentPort;
if (!port) throw zhtagError('E_INTERNAL', 'the corpus worker must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

let annotator: BatchAnnotator | undefined;
try {
  annotator = createBatchAnnotator(workerData as WorkerSetup);
  post({ type: 'ready' });
} catch (error) {
  const failure = asZhtagError(error);
  post({ type: 'fatal', code: failure.code, message: failure.message });
}

port.on('message', (batch: WorkBatch) => {
  if (!annotator) return;
  const result = annotateBatch(annotator, batch);
  // The rendered bytes move to the main thread instead of being copied.
  port.postMessage(
    { type: 'result', result } satisfies WorkerMessage,
    result.data ? [result.data.buffer] : [],
  );
});
