import { cleanText } from '../clean/clean.js';
import { errorBody } from '../errors.js';
import type { Exporter } from '../export/exporter.js';
import { createExporter } from '../export/index.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import type { Doc } from '../types.js';
import type { OriginalText, WorkBatch, WorkerSetup, WorkOutput, WorkResult } from './protocol.js';

/** The per-thread state: one Pipeline and one exporter, built once and reused for every batch. */
export interface BatchAnnotator {
  pipeline: Pipeline;
  exporter: Exporter;
  setup: WorkerSetup;
}

export function createBatchAnnotator(setup: WorkerSetup): BatchAnnotator {
  return {
    pipeline: createPipeline(setup.pipeline),
    exporter: createExporter(setup.format, setup.exportOptions),
    setup,
  };
}

/**
 * Annotates and renders one batch. Every item yields one output in the same position: the rendered
 * document, or an error record (input errors pass through; a failure while annotating has `errorBody`'s
 * code: the ZhtagError's own, else `E_INTERNAL`). An empty or blank text is a document like any other,
 * with no tokens, as in the library and the server.
 */
export function annotateBatch(annotator: BatchAnnotator, batch: WorkBatch): WorkResult {
  const { pipeline, exporter, setup } = annotator;
  const chunks: string[] = [];
  const outputs = batch.items.map((item): WorkOutput => {
    if (item.kind === 'error') return item;
    let text = item.text;
    let original: OriginalText | undefined;
    if (setup.clean) {
      const cleaned = cleanText(text, setup.clean);
      if (setup.keepOriginal) original = { text, offsets: cleaned.segments };
      text = cleaned.text;
    }
    let doc: Doc;
    try {
      doc = pipeline.annotate({ ...item.extra, id: item.id, text });
    } catch (error) {
      // The same record as the server's for a document that fails: E_INTERNAL unless zhtag said why.
      return { kind: 'error', id: item.id, error: errorBody(error, `${item.where}: annotation failed`) };
    }
    if (original) doc.original = original;
    const labels = [...new Set(doc.entities.map((entity) => entity.label))];
    const output: WorkOutput = { kind: 'doc', id: item.id, characters: text.length, labels };
    if (exporter.kind === 'stream') {
      const chunk = exporter.render(doc);
      chunks.push(chunk);
      output.bytes = Buffer.byteLength(chunk);
    } else {
      output.files = exporter.files(doc);
    }
    return output;
  });
  return chunks.length > 0
    ? { seq: batch.seq, outputs, data: encodeChunks(chunks) }
    : { seq: batch.seq, outputs };
}

/** The chunks in one UTF-8 buffer of its own (never a slice of Node's shared pool, so it can move). */
function encodeChunks(chunks: readonly string[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const chunk of chunks) total += Buffer.byteLength(chunk);
  const data = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const chunk of chunks) at += data.write(chunk, at);
  return data;
}
