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
