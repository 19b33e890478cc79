import { createHash } from 'node:crypto';
import { type Doc, LABELS } from '../types.js';
import type { DirectoryExporter, ExportFile } from './exporter.js';
import { codePointOffsets } from './offsets.js';

/** A file name for a document id: readable, safe on every file system, unique (hash when changed). */
export function bratName(id: string): string {
  const safe = id.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
  if (safe === id && safe !== '' && !safe.startsWith('.')) return safe;
  return `${safe}-${createHash('sha1').update(id).digest('hex').slice(0, 8)}`;
}

/**
 * brat standoff: `<name>.txt` (the text, unchanged) and `<name>.ann` with one `T` line per entity,
 * `T1<TAB>LABEL start end<TAB>text`, offsets in code points (brat is Python: `text[start:end]`). An
 * entity across a line break is written as fragments `start end;start end`, as brat requires. The
 * entity's `source` goes in an `AnnotatorNotes` line.
 */
export function toBratAnn(doc: Doc): string {
  const toCodePoint = codePointOffsets(doc.text);
  const lines: string[] = [];
  doc.entities.forEach((entity, i) => {
    const fragments: string[] = [];
    let from = entity.start;
    for (const piece of entity.text.split('\n')) {
      if (piece !== '') fragments.push(`${toCodePoint(from)} ${toCodePoint(from + piece.length)}`);
      from += piece.length + 1;
    }
    const text = entity.text.replace(/\n/g, ' ');
    lines.push(`T${i + 1}\t${entity.label} ${fragments.join(';')}\t${text}`);
    lines.push(`#${i + 1}\tAnnotatorNotes T${i + 1}\t${entity.source.replace(/[\t\n]/g, ' ')}`);
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** brat's annotation.conf declaring every entity label in the output. */
export function bratConf(labels: string[]): string {
  return `[entities]\n${[...labels].sort().join('\n')}\n\n[relations]\n\n[events]\n\n[attributes]\n`;
}

export function bratExporter(): DirectoryExporter {
  return {
    kind: 'directory',
    format: 'brat',
    offsetUnit: 'codepoint',
    files(doc: Doc): ExportFile[] {
      const name = bratName(doc.id ?? 'document');
      return [
        { name: `${name}.txt`, content: doc.text },
        { name: `${name}.ann`, content: toBratAnn(doc) },
      ];
    },
    // The standard labels always, so a resumed run (which sees only part of the corpus) declares them too.
    finish: (labels) => [
      { name: 'annotation.conf', content: bratConf([...new Set([...LABELS, ...labels])]) },
    ],
  };
}
