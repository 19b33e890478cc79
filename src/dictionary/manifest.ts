import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ZhtagError } from '../errors.js';
import { LABELS, type Label } from '../types.js';
import type { Dictionary, LoadSpec } from './dictionary.js';
import { LAYERS, type LayerName, type MatchMode } from './entry.js';

/** One file of a manifest layer. */
export interface ManifestFile {
  path: string;
  label: Label;
  pos?: string;
  type?: string;
  description?: string;
}

export interface ManifestLayer {
  name: LayerName;
  mode: MatchMode;
  files: ManifestFile[];
}

/** `dictionaries/manifest.json`: the shipped layers, in load order (lowest first). */
export interface Manifest {
  version: number;
  layers: ManifestLayer[];
  /**
   * Township-level divisions (`term` + 9-digit `code`), relative to the manifest: not a layer, the
   * entity stage reads them where a text writes a name with its suffix (云台山镇).
   */
  townships?: string;
}

function manifestError(file: string, reason: string): ZhtagError {
  return new ZhtagError('E_DICT_PARSE', `${file}: ${reason}`, { file });
}

/** Reads and validates a manifest; errors name the manifest file and the field. */
export function readManifest(path: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw manifestError(path, `cannot read manifest: ${(error as Error).message}`);
  }
  const manifest = raw as Partial<Manifest>;
  if (!Array.isArray(manifest.layers)) throw manifestError(path, 'field "layers" must be an array');
  let lastRank = -1;
  manifest.layers.forEach((layer, i) => {
    const rank = LAYERS.indexOf(layer.name);
    if (rank === -1) throw manifestError(path, `layers[${i}].name must be one of ${LAYERS.join(', ')}`);
    if (rank <= lastRank) throw manifestError(path, `layers[${i}]: layers must be listed lowest first`);
    lastRank = rank;
    if (layer.mode !== 'frozen' && layer.mode !== 'soft')
      throw manifestError(path, `layers[${i}].mode must be frozen or soft`);
    if (!Array.isArray(layer.files)) throw manifestError(path, `layers[${i}].files must be an array`);
    layer.files.forEach((file, j) => {
      if (typeof file.path !== 'string')
        throw manifestError(path, `layers[${i}].files[${j}].path must be a string`);
      if (!LABELS.includes(file.label))
        throw manifestError(path, `layers[${i}].files[${j}].label must be one of ${LABELS.join(', ')}`);
    });
  });
  if (manifest.townships !== undefined && typeof manifest.townships !== 'string')
    throw manifestError(path, 'field "townships" must be a path');
  const out: Manifest = { version: manifest.version ?? 1, layers: manifest.layers };
  if (manifest.townships !== undefined) out.townships = manifest.townships;
  return out;
}

/** A dictionary file to load and how the loader reads it. */
export interface ManifestFileRef {
  path: string;
  spec: LoadSpec;
}

/** Every file of a manifest in load order, with its load spec; `source` paths are relative to `root`. */
export function manifestFiles(manifestPath: string, root: string): ManifestFileRef[] {
  const manifest = readManifest(manifestPath);
  const base = join(manifestPath, '..');
  return manifest.layers.flatMap((layer) =>
    layer.files.map((file) => {
      const full = resolve(base, file.path);
      const spec: LoadSpec = {
        layer: layer.name,
        label: file.label,
        mode: layer.mode,
        displayPath: relative(root, full),
      };
      if (file.pos !== undefined) spec.pos = file.pos;
      if (file.type !== undefined) spec.type = file.type;
      return { path: full, spec };
    }),
  );
}

/**
 * Loads every file of a manifest into a dictionary, in order. `source` paths are shown relative to `root`.
 * Returns the full path of the manifest's township list, if it names one.
 */
export function loadManifest(dictionary: Dictionary, manifestPath: string, root: string): string | undefined {
  for (const { path, spec } of manifestFiles(manifestPath, root)) dictionary.loadFile(path, spec);
  const { townships } = readManifest(manifestPath);
  return townships === undefined ? undefined : resolve(join(manifestPath, '..'), townships);
}
