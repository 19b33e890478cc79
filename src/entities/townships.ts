import { ZhtagError } from '../errors.js';
import { readResource } from '../keywords/stopwords.js';
import type { Entity, Token } from '../types.js';
import type { Division } from './division.js';
import { makeEntity, tokenStartingAt } from './names.js';

/** One township-level division of `dictionaries/gazetteer/townships.tsv`. */
export interface Township {
  name: string;
  /** 9 digits: the county's GB/T 2260 code + the township number. */
  code: string;
  /** Line in its file, for `source`. */
  line: number;
}

/** Suffixes a township is written with in running text. */
const SUFFIXES = ['街道', '苏木', '镇', '乡'];

/**
 * Township-level divisions by name (38k, many names shared: 城关镇 is in hundreds of counties). Not a
 * dictionary layer: looked up only where a text writes a name with its suffix.
 */
export class TownshipIndex {
  private readonly byName = new Map<string, Township[]>();
  private readonly byCode = new Map<string, Township>();
  /** Longest name, in UTF-16 units. */
  readonly longest: number;

  constructor(
    content: string,
    readonly file: string,
  ) {
    let longest = 0;
    let header = false;
    const lines = content.split('\n');
    lines.forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const [name = '', code = ''] = text.split('\t');
      if (!header) {
        if (name !== 'term' || code !== 'code')
          throw new ZhtagError('E_DICT_PARSE', `${file}:${i + 1}: the header must be "term<TAB>code"`, {
            file,
            line: i + 1,
          });
        header = true;
        return;
      }
      if (!/^\d{9}$/.test(code) || !SUFFIXES.some((suffix) => name.endsWith(suffix)) || name.length < 2)
        throw new ZhtagError(
          'E_DICT_PARSE',
          `${file}:${i + 1}: expected a township name with its suffix and a 9-digit code, got "${text}"`,
          { file, line: i + 1 },
        );
      const township = { name, code, line: i + 1 };
      const same = this.byName.get(name);
      if (same) same.push(township);
      else this.byName.set(name, [township]);
      this.byCode.set(code, township);
      if (name.length > longest) longest = name.length;
    });
    this.longest = longest;
  }

  static load(path: string, displayPath = path): TownshipIndex {
    return new TownshipIndex(readResource(path, displayPath, 'township list'), displayPath);
  }

  /** Townships of that name (every county that has one). */
  named(name: string): readonly Township[] | undefined {
    return this.byName.get(name);
  }

  /** The township of a 9-digit code as a division (its parent is the county). */
  division(code: string): Division | undefined {
    const township = this.byCode.get(code);
    return township && { name: township.name, code, level: 'township', parent: code.slice(0, 6) };
  }
}

/**
 * Of the townships sharing a name, the one in a county the document names, else in a city, else in a
 * province it names; a name used once in the whole country needs no context. Undefined when the
 * document does not tell.
 */
function pick(townships: readonly Township[], codes: readonly string[]): Township | undefined {
  for (const digits of [6, 4, 2]) {
    const inside = townships.filter((t) =>
      codes.some((code) => code.slice(0, digits) === t.code.slice(0, digits)),
    );
    if (inside.length === 1) return inside[0];
    if (inside.length > 1) return undefined;
  }
  return townships.length === 1 ? townships[0] : undefined;
}

/** Of the townships sharing a name, the one in a place the document names (never one by uniqueness). */
function pickInContext(townships: readonly Township[], codes: readonly string[]): Township | undefined {
  const township = pick(townships, codes);
  return township && codes.some((code) => code.slice(0, 2) === township.code.slice(0, 2))
    ? township
    : undefined;
}

/** Code digits that say something (a province's 410000 says 41). */
function significant(code: string): string {
  return code.replace(/(00)+$/, '');
}

/**
 * Townships written with their suffix (修武县云台山镇, 五里源乡), as LOC with the township's code,
 * `level: township` and its county as `parent`. A name must start and end on word boundaries, and names
 * shared by several counties are resolved from `places` (the document's coded places); where the
 * document does not tell which, the name is still a LOC, without a code.
 */
export function townshipCandidates(
  text: string,
  normalized: string,
  tokens: readonly Token[],
  index: TownshipIndex,
  places: readonly Entity[],
  isBodyWord: (word: string) => boolean,
): Entity[] {
  const out: Entity[] = [];
  const codes = places.map((place) => significant(String(place.code ?? ''))).filter((code) => code !== '');
  for (const suffix of SUFFIXES) {
    for (let at = normalized.indexOf(suffix); at >= 0; at = normalized.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      // The name ends a word, or its suffix begins a body or title (云台山 | 镇党委 | 书记, 王曲 | 乡长),
      // not any word (发展 | 乡镇).
      const next = tokenStartingAt(tokens, at);
      const endsWord =
        end === text.length ||
        tokenStartingAt(tokens, end) !== undefined ||
        (next !== undefined && isBodyWord(normalized.slice(next.start, next.end)));
      if (!endsWord) continue;
      // Longest name first: 新城关镇 before 城关镇.
      for (let start = Math.max(0, end - index.longest); start <= at - 1; start++) {
        const townships = index.named(normalized.slice(start, end));
        const first = townships && tokenStartingAt(tokens, start);
        if (!townships || !first) continue;
        // A name the core dictionary lists as an ordinary word (小城镇 "small towns") is a township
        // only where the document names its county, city or province.
        const word = first.end === end && !first.pos.startsWith('ns') && first.pos !== 'x';
        const township = word ? pickInContext(townships, codes) : pick(townships, codes);
        if (word && !township) break;
        const attrs = township
          ? { code: township.code, level: 'township', parent: township.code.slice(0, 6) }
          : { level: 'township', candidates: townships.length };
        const line = township?.line ?? (townships[0] as Township).line;
        out.push(makeEntity(text, start, end, 'LOC', `${index.file}:${line}`, attrs));
        break;
      }
    }
  }
  return out;
}
