/**
 * Names for the model's dictionary gazetteer (training only): the shipped gazetteer files of
 * dictionaries/gazetteer (Chinese divisions, geographic names, world places, organizations: terms and
 * aliases of two or more characters). Unlike the names collected from
 * the training data, these do not depend on the training days, so they need no jackknife.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GazetteerEntries } from './gazetteer.js';

/** Terms and `|`-separated aliases of a TSV file with a header row (`term`, `aliases` columns). */
function tsvNames(file: string): string[] {
  if (!existsSync(file)) return [];
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const header = (rows.shift() ?? '').split('\t');
  const termCol = header.indexOf('term');
  const aliasCol = header.indexOf('aliases');
  const out: string[] = [];
  for (const row of rows) {
    const cols = row.split('\t');
    out.push(cols[termCol] ?? '');
    if (aliasCol >= 0) out.push(...(cols[aliasCol] ?? '').split('|'));
  }
  return out.map((s) => s.trim()).filter((s) => [...s].length >= 2);
}

export function dictionaryNames(gazetteerDir: string): GazetteerEntries {
  const loc = [
    ...tsvNames(path.join(gazetteerDir, 'places.tsv')),
    ...tsvNames(path.join(gazetteerDir, 'geo.tsv')),
    ...tsvNames(path.join(gazetteerDir, 'world.tsv')),
  ];
  const org = tsvNames(path.join(gazetteerDir, 'orgs.tsv'));
  const sorted = (names: string[]): string[] => [...new Set(names)].sort();
  return { LOC: sorted(loc), ORG: sorted(org) };
}
