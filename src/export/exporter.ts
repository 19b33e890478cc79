import type { Doc } from '../types.js';
import type { OffsetUnit } from './offsets.js';

export const EXPORT_FORMATS = ['jsonl', 'conll', 'brat', 'label-studio', 'doccano', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file written by a directory format (brat): a name inside the output directory and its content. */
export interface ExportFile {
  name: string;
  content: string;
}

/**
 * Renders annotated documents into one target format, one document at a time, so a corpus streams
 * through with flat memory. A stream format writes `begin()`, the chunks joined by `separator`, then
 * `end()`; a directory format (brat) writes files per document.
 */
export interface StreamExporter {
  kind: 'stream';
  format: ExportFormat;
  /** The unit of the offsets this format writes. */
  offsetUnit: OffsetUnit | 'none';
  /** Whether `--resume` can read the ids back from a partial output (one JSON object per line). */
  resumable: boolean;
  begin(): string;
  render(doc: Doc): string;
  separator: string;
  end(): string;
}

export interface DirectoryExporter {
  kind: 'directory';
  format: ExportFormat;
  offsetUnit: OffsetUnit;
  files(doc: Doc): ExportFile[];
  /** Files written once the corpus is done (brat's annotation.conf), given every label seen. */
  finish(labels: string[]): ExportFile[];
}

export type Exporter = StreamExporter | DirectoryExporter;

/** Options every exporter understands. */
export interface ExportOptions {
  /** Indent JSON (jsonl only: one record then spans lines, and `--resume` is refused). */
  pretty?: boolean;
  /** Title of the HTML page. */
  title?: string;
}
