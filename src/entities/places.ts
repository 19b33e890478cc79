import type { Dictionary } from '../dictionary/dictionary.js';
import type { Entity } from '../types.js';

/** An administrative division from the gazetteer (GB/T 2260). */
export interface Division {
  name: string;
  code: string;
  level: 'province' | 'prefecture' | 'county' | 'township';
  parent?: string;
}

const LEVELS = new Set(['province', 'prefecture', 'county', 'township']);

/** Divisions by code, built once per pipeline from the gazetteer entries that carry a code. */
export class PlaceIndex {
  private readonly byCode = new Map<string, Division>();

  constructor(dictionary: Dictionary) {
    for (const entry of dictionary.entries()) {
      const { code, parent } = entry.attrs;
      const level = entry.level ?? '';
      if (entry.label !== 'LOC' || code === undefined || !LEVELS.has(level) || this.byCode.has(code))
        continue;
      // geo.tsv aliases (怀川 → 焦作市) carry the code but not the division's own name.
      const name = entry.attrs.refersTo ?? entry.term;
      const division: Division = { name, code, level: level as Division['level'] };
      if (parent !== undefined) division.parent = parent;
      this.byCode.set(code, division);
    }
  }

  get(code: string | undefined): Division | undefined {
    return code === undefined ? undefined : this.byCode.get(code);
  }

  /** The division and its ancestors, nearest first. */
  lineage(code: string | undefined): Division[] {
    const out: Division[] = [];
    for (let division = this.get(code); division && out.length < 5; division = this.get(division.parent)) {
      out.push(division);
    }
    return out;
  }

  /**
   * The document's dominant division at a level: every LOC mention counts for its division and
   * the divisions above it. Returns the winner and its share of the mentions at that level.
   */
  dominant(entities: Entity[], level: Division['level']): { division: Division; share: number } | undefined {
    const counts = new Map<string, number>();
    let total = 0;
    for (const entity of entities) {
      if (entity.label !== 'LOC') continue;
      const at = this.lineage(entity.code as string | undefined).find((d) => d.level === level);
      if (!at) continue;
      counts.set(at.code, (counts.get(at.code) ?? 0) + 1);
      total++;
    }
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    const division = best && this.get(best[0]);
    return division && best ? { division, share: best[1] / total } : undefined;
  }
}
