import type { Doc } from '../types.js';
import type { StreamExporter } from './exporter.js';
import { codePointOffsets } from './offsets.js';

/** One region of a Label Studio `labels` result. */
export interface LabelStudioResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
}

/** A Label Studio task with zhtag's entities as a prediction, so annotators correct instead of start blank. */
export interface LabelStudioTask {
  data: { text: string; id?: string };
  predictions: Array<{ model_version: string; result: LabelStudioResult[] }>;
}

const MODEL_VERSION = 'zhtag';

/**
 * Label Studio's basic JSON import with `predictions` (labelstud.io/guide/predictions). The Text tag
 * stores offsets in code points (label-studio-frontend counts them so since its emoji fix, and its own
 * tests say "offsets by code points"), so UTF-16 offsets are converted. The names `label` and `text`
 * must match the project's labeling config: `labelStudioConfig` writes one that does.
 */
export function toLabelStudio(doc: Doc): LabelStudioTask {
  const toCodePoint = codePointOffsets(doc.text);
  const data: LabelStudioTask['data'] = { text: doc.text };
  if (doc.id !== undefined) data.id = doc.id;
  return {
    data,
    predictions: [
      {
        model_version: MODEL_VERSION,
        result: doc.entities.map((entity, i) => ({
          id: `e${i + 1}`,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: {
            start: toCodePoint(entity.start),
            end: toCodePoint(entity.end),
            text: entity.text,
            labels: [entity.label],
          },
        })),
      },
    ],
  };
}

/** A labeling config matching the export: a `Text` named `text`, `Labels` named `label`. */
export function labelStudioConfig(labels: readonly string[]): string {
  const items = labels.map((label) => `    <Label value="${label}"/>`).join('\n');
  return `<View>\n  <Labels name="label" toName="text">\n${items}\n  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n`;
}

/** A JSON array of tasks, written one task at a time. */
export function labelStudioExporter(): StreamExporter {
  return {
    kind: 'stream',
    format: 'label-studio',
    offsetUnit: 'codepoint',
    resumable: false,
    begin: () => '[\n',
    render: (doc) => JSON.stringify(toLabelStudio(doc)),
    separator: ',\n',
    end: () => '\n]\n',
  };
}
