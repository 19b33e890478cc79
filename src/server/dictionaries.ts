import type { LayerName } from '../dictionary/entry.js';
import type { Pipeline } from '../pipeline.js';

/** The body of `GET /v1/dictionaries`: loaded layers, their files and entry counts. */
export interface DictionariesReport {
  entries: number;
  layers: Array<{ name: LayerName; entries: number; files: Array<{ file: string; entries: number }> }>;
  diagnostics: number;
}

/** Counts a pipeline's entries by layer and file, in load order. */
export function describeDictionaries(pipeline: Pipeline): DictionariesReport {
  const layers: DictionariesReport['layers'] = [];
  const entries = pipeline.dictionary.entries();
  for (const entry of entries) {
    let layer = layers.find((candidate) => candidate.name === entry.layer);
    if (!layer) {
      layer = { name: entry.layer, entries: 0, files: [] };
      layers.push(layer);
    }
    layer.entries++;
    let file = layer.files.find((candidate) => candidate.file === entry.file);
    if (!file) {
      file = { file: entry.file, entries: 0 };
      layer.files.push(file);
    }
    file.entries++;
  }
  return { entries: entries.length, layers, diagnostics: pipeline.diagnostics.length };
}
