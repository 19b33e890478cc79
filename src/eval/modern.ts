/**
 * Scores annotated documents against the modern-news annotation (`GUIDELINES.md` of the modern-news
 * set): exact spans per label, and officials at three levels per document, as the set's reference
 * scorer does: *person* (the people given a position), *position* (person + title, a title's
 * leading body kind ignored: 省委书记 = 书记), *full* (person + title + normalized organization).
 * Former positions are not scored.
 */
import { type Prf, prf } from '../ner/eval.js';

/** A gold or predicted span. */
export interface ScoredSpan {
  start: number;
  end: number;
  label: string;
}

/** A gold official of the modern-news set. */
export interface GoldOfficial {
  person: string;
  positions?: Array<{ title: string; organization?: string; former?: boolean }>;
}

/** A gold document of the modern-news set. */
export interface GoldDoc {
  id: string;
  text: string;
  entities: ScoredSpan[];
  officials?: GoldOfficial[];
}

type Named = string | { name?: string; text?: string } | undefined;

/** A predicted official, in the current shape (positions) or the earlier one (title / titles). */
export interface PredictedOfficial {
  person: Named;
  former?: boolean;
  positions?: Array<{ title: Named; organization?: Named; former?: boolean }>;
  title?: Named;
  titles?: Named[];
  organization?: Named;
}

export interface PredictedDoc {
  id?: string | undefined;
  entities?: ScoredSpan[];
  officials?: PredictedOfficial[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Score = Prf;

const score = ({ tp, fp, fn }: Counts): Score => prf(tp, fp, fn);

const BODY_KIND = /^(中共)?(省委|市委|县委|区委|州委|盟委|旗委|党委|党组|省政府|市政府|县政府)/;

/** A title without its leading body kind (省委书记 → 书记). */
export function scoredTitle(title: string): string {
  const compact = title.replace(/\s/g, '');
  return compact.replace(BODY_KIND, '') || compact;
}

const ORGANIZATION_ALIASES: Array<[RegExp, string]> = [
  [/^中国共产党中央委员会$|^党中央$|^中央$/, '中共中央'],
  [/^中共中央军事委员会$|^中华人民共和国中央军事委员会$|^中央军事委员会$|^军委$/, '中央军委'],
  [/^全国人民代表大会常务委员会$|^全国人大常委$/, '全国人大常委会'],
  [/^中国人民政治协商会议全国委员会$/, '全国政协'],
  [/^中央政治局$/, '中共中央政治局'],
  [/^中央政治局常委会$|^中共中央政治局常务委员会$/, '中共中央政治局'],
  [/^中华人民共和国国务院$/, '国务院'],
];

/** An organization's name as the scorer compares it (中央 = 中共中央, 中共河南省委 = 河南省委). */
export function scoredOrganization(name: string): string {
  const compact = name.replace(/\s/g, '');
  for (const [pattern, to] of ORGANIZATION_ALIASES) if (pattern.test(compact)) return to;
  return compact.replace(/^中共(?=.+[省市县区]委)/, '');
}

const nameOf = (value: Named): string =>
  (typeof value === 'object' && value !== null ? (value.name ?? value.text) : value) ?? '';

function predictedPositions(official: PredictedOfficial): Array<{ title: string; organization: string }> {
  if (Array.isArray(official.positions))
    return official.positions
      .filter((p) => !p.former)
      .map((p) => ({ title: nameOf(p.title), organization: nameOf(p.organization) }));
  const titles = official.titles?.length ? official.titles : official.title ? [official.title] : [];
  return titles.map((t) => ({ title: nameOf(t), organization: nameOf(official.organization) }));
}

export type OfficialLevel = 'person' | 'position' | 'full';
export const OFFICIAL_LEVELS: readonly OfficialLevel[] = ['person', 'position', 'full'];

type LevelSets = Record<OfficialLevel, Set<string>>;
const emptySets = (): LevelSets => ({ person: new Set(), position: new Set(), full: new Set() });

function goldSets(doc: GoldDoc): LevelSets {
  const sets = emptySets();
  for (const official of doc.officials ?? []) {
    const who = official.person.trim();
    const positions = (official.positions ?? []).filter((p) => !p.former);
    if (positions.length === 0) continue;
    sets.person.add(who);
    for (const p of positions) {
      const title = scoredTitle(p.title);
      sets.position.add(`${who}|${title}`);
      sets.full.add(`${who}|${title}|${scoredOrganization(p.organization ?? '')}`);
    }
  }
  return sets;
}

function predictedSets(doc: PredictedDoc | undefined): LevelSets {
  const sets = emptySets();
  for (const official of doc?.officials ?? []) {
    if (official.former) continue;
    const who = nameOf(official.person);
    sets.person.add(who);
    for (const p of predictedPositions(official)) {
      const title = scoredTitle(p.title);
      sets.position.add(`${who}|${title}`);
      sets.full.add(`${who}|${title}|${scoredOrganization(p.organization)}`);
    }
  }
  return sets;
}

export interface OfficialsReport {
  levels: Record<OfficialLevel, Score>;
  /** Gold positions missed and predicted positions not in the gold, as `id: person|title`. */
  misses: string[];
  extras: string[];
}

/** Officials at three levels, summed over documents (a document missing from `predicted` predicts nothing). */
export function scoreOfficials(
  gold: readonly GoldDoc[],
  predicted: readonly PredictedDoc[],
): OfficialsReport {
  const byId = new Map(predicted.map((doc) => [String(doc.id), doc]));
  const counts: Record<OfficialLevel, Counts> = {
    person: { tp: 0, fp: 0, fn: 0 },
    position: { tp: 0, fp: 0, fn: 0 },
    full: { tp: 0, fp: 0, fn: 0 },
  };
  const misses: string[] = [];
  const extras: string[] = [];
  for (const doc of gold) {
    const g = goldSets(doc);
    const p = predictedSets(byId.get(String(doc.id)));
    for (const level of OFFICIAL_LEVELS) {
      const c = counts[level];
      for (const key of p[level]) {
        if (g[level].has(key)) c.tp++;
        else {
          c.fp++;
          if (level === 'full') extras.push(`${doc.id}: ${key}`);
        }
      }
      for (const key of g[level])
        if (!p[level].has(key)) {
          c.fn++;
          if (level === 'full') misses.push(`${doc.id}: ${key}`);
        }
    }
  }
  return {
    levels: { person: score(counts.person), position: score(counts.position), full: score(counts.full) },
    misses,
    extras,
  };
}

/** Exact spans per label and over all labels (`*`), summed over documents. */
export function scoreLabelledSpans(
  gold: readonly GoldDoc[],
  predicted: readonly PredictedDoc[],
  labels: readonly string[],
): Record<string, Score> {
  const byId = new Map(predicted.map((doc) => [String(doc.id), doc]));
  const counts = new Map<string, Counts>([...labels, '*'].map((label) => [label, { tp: 0, fp: 0, fn: 0 }]));
  const key = (s: ScoredSpan) => `${s.start}:${s.end}:${s.label}`;
  for (const doc of gold) {
    const g = new Set(doc.entities.filter((s) => labels.includes(s.label)).map(key));
    const p = new Set(
      (byId.get(String(doc.id))?.entities ?? []).filter((s) => labels.includes(s.label)).map(key),
    );
    for (const k of p) {
      const label = k.slice(k.lastIndexOf(':') + 1);
      for (const c of [counts.get(label), counts.get('*')]) if (c) c[g.has(k) ? 'tp' : 'fp']++;
    }
    for (const k of g) {
      if (p.has(k)) continue;
      const label = k.slice(k.lastIndexOf(':') + 1);
      for (const c of [counts.get(label), counts.get('*')]) if (c) c.fn++;
    }
  }
  return Object.fromEntries([...counts].map(([label, c]) => [label, score(c)]));
}
