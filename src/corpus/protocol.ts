import type { CleanOptions, OffsetSegment } from '../clean/clean.js';
import type { ErrorCode } from '../errors.js';
import type { ExportFile, ExportFormat, ExportOptions } from '../export/exporter.js';
import type { PipelineOptions } from '../pipeline.js';

/** What every worker is started with: it builds its own Pipeline and exporter from this, once. */
export interface WorkerSetup {
  pipeline: PipelineOptions;
  format: ExportFormat;
  exportOptions: ExportOptions;
  /** Clean texts before annotating (`false`: annotate them as read). */
  clean: CleanOptions | false;
  /** With `clean`: keep `original: { text, offsets }` in each record to map offsets back. */
  keepOriginal: boolean;
}

/** One input of a batch: a document to annotate, or an input error passed through to keep the order. */
export type WorkItem =
  | { kind: 'doc'; id: string; text: string; extra: Record<string, unknown>; where: string }
  | { kind: 'error'; id: string; error: { code: ErrorCode; message: string } };

/** One output, in the same position as its input. */
export type WorkOutput =
  | {
      kind: 'doc';
      id: string;
      characters: number;
      labels: string[];
      /** Stream formats: UTF-8 bytes of this document's chunk in `WorkResult.data`, chunks in order. */
      bytes?: number;
      files?: ExportFile[];
    }
  | { kind: 'error'; id: string; error: { code: ErrorCode; message: string } };

export interface WorkBatch {
  seq: number;
  items: WorkItem[];
}

export interface WorkResult {
  seq: number;
  outputs: WorkOutput[];
  /**
   * Stream formats: the batch's rendered chunks, encoded to UTF-8 in the worker and moved (not
   * copied) to the main thread, which only writes bytes.
   */
  data?: Uint8Array<ArrayBuffer>;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; result: WorkResult }
  | { type: 'fatal'; code: ErrorCode; message: string };

/** `original` of a cleaned record: the text as read and the map from clean offsets to it. */
export interface OriginalText {
  text: string;
  offsets: OffsetSegment[];
}
