/**
 * Scoring of term discovery against a judged list (eval/discover/*.tsv): a candidate finds a row when it
 * equals the row's term or one of its aliases, quote marks ignored on both sides (“两新” = 两新).
 */

/** One row of a judged list. */
export interface JudgedRow {
  term: string;
  forms: string[];
}

const QUOTES = /[“”‘’「」『』"]/g;
const bare = (form: string): string => form.replace(QUOTES, '');

/** The rows of a judged list (TSV with a `term` and an `aliases` column; `#` comments skipped). */
export function parseJudgedList(tsv: string): JudgedRow[] {
  const lines = tsv.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  const termAt = header.indexOf('term');
  const aliasesAt = header.indexOf('aliases');
  if (termAt === -1) throw new Error('judged list: no "term" column in the header');
  return lines.map((line) => {
    const cells = line.split('\t');
    const term = cells[termAt] ?? '';
    const aliases = aliasesAt === -1 ? [] : (cells[aliasesAt] ?? '').split('|');
    return { term, forms: [...new Set([term, ...aliases].filter((f) => f !== '').map(bare))] };
  });
}

/** What a ranking scores against a list. */
export interface JudgedScore {
  /** Rows counted for recall. */
  rows: number;
  /** Rows found within the first k candidates, per k asked. */
  found: Map<number, number>;
  /** Rows not found within the largest k. */
  missing: string[];
  /** Candidates of the first 100 that are on the list, and how many candidates there were. */
  hits100: number;
  top100: number;
}

/**
 * Recall@k of `rows` (each k of `ks`) and precision of the first 100 candidates by the whole list
 * `all` (a candidate is a hit when it is a form of any row of the list).
 */
export function scoreRanking(
  ranked: readonly string[],
  rows: readonly JudgedRow[],
  all: readonly JudgedRow[],
  ks: readonly number[],
): JudgedScore {
  const rank = new Map<string, number>();
  ranked.forEach((term, i) => {
    const form = bare(term);
    if (!rank.has(form)) rank.set(form, i + 1);
  });
  const best = (row: JudgedRow) => Math.min(...row.forms.map((f) => rank.get(f) ?? Infinity));
  const found = new Map(ks.map((k) => [k, rows.filter((row) => best(row) <= k).length]));
  const largest = Math.max(...ks);
  const listed = new Set(all.flatMap((row) => row.forms));
  const top = ranked.slice(0, 100);
  return {
    rows: rows.length,
    found,
    missing: rows.filter((row) => best(row) > largest).map((row) => row.term),
    hits100: top.filter((term) => listed.has(bare(term))).length,
    top100: top.length,
  };
}
