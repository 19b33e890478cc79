/**
 * zhtag/export: write annotated documents as doccano, Label Studio, brat, CoNLL or HTML.
 * Published as the `zhtag/export` subpath export (package.json "exports").
 */
export { bratConf, bratName, toBratAnn } from './brat.js';
export type { ConllDoc, ConllToken } from './conll.js';
export { bioTags, readConll, toConll } from './conll.js';
export type { DoccanoRecord } from './doccano.js';
export { toDoccano } from './doccano.js';
export type {
  DirectoryExporter,
  Exporter,
  ExportFile,
  ExportFormat,
  ExportOptions,
  StreamExporter,
} from './exporter.js';
export { EXPORT_FORMATS } from './exporter.js';
export { highlight } from './html.js';
export type { LabelStudioResult, LabelStudioTask } from './label-studio.js';
export { labelStudioConfig, toLabelStudio } from './label-studio.js';
export type { OffsetUnit } from './offsets.js';
export { codePointOffsets, sliceCodePoints } from './offsets.js';

import { bratExporter } from './brat.js';
import { conllExporter } from './conll.js';
import { doccanoExporter } from './doccano.js';
import type { Exporter, ExportFormat, ExportOptions } from './exporter.js';
import { htmlExporter } from './html.js';
import { jsonlExporter } from './jsonl.js';
import { labelStudioExporter } from './label-studio.js';

/** The exporter of a format. */
export function createExporter(format: ExportFormat, options: ExportOptions = {}): Exporter {
  switch (format) {
    case 'jsonl':
      return jsonlExporter(options.pretty);
    case 'conll':
      return conllExporter();
    case 'brat':
      return bratExporter();
    case 'label-studio':
      return labelStudioExporter();
    case 'doccano':
      return doccanoExporter();
    case 'html':
      return htmlExporter(options.title);
  }
}
