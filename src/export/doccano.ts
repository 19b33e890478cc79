import type { Doc } from '../types.js';
import type { StreamExporter } from './exporter.js';

/** One doccano sequence-labeling record: `label` holds `[start, end, label]` triples. */
export interface DoccanoRecord {
  id?: string;
  text: string;
  label: Array<[number, number, string]>;
  [extra: string]: unknown;
}

/**
 * doccano's JSONL import for sequence labeling. doccano's front end counts offsets in UTF-16 code units
 * (JavaScript string indices: doccano/doccano#2290) unless a project turns on "Count grapheme clusters
 * as one character", so zhtag's offsets go out unchanged. Only `entities` are exported; `id` is kept
 * (doccano keeps unknown fields as metadata) so `--resume` can find it.
 */
export function toDoccano(doc: Doc): DoccanoRecord {
  const record: DoccanoRecord = { text: doc.text, label: doc.entities.map((e) => [e.start, e.end, e.label]) };
  return doc.id === undefined ? record : { id: doc.id, ...record };
}

export function doccanoExporter(): StreamExporter {
  return {
    kind: 'stream',
    format: 'doccano',
    offsetUnit: 'utf16',
    resumable: true,
    begin: () => '',
    render: (doc) => `${JSON.stringify(toDoccano(doc))}\n`,
    separator: '',
    end: () => '',
  };
}
