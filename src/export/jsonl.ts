import type { Doc } from '../types.js';
import type { StreamExporter } from './exporter.js';

/** The documented zhtag record, one per line (UTF-16 offsets, as in `Doc`). */
export function jsonlExporter(pretty = false): StreamExporter {
  return {
    kind: 'stream',
    format: 'jsonl',
    offsetUnit: 'utf16',
    resumable: !pretty,
    begin: () => '',
    render: (doc: Doc) => `${JSON.stringify(doc, null, pretty ? 2 : undefined)}\n`,
    separator: '',
    end: () => '',
  };
}
