/**
 * Gold readers (People's Daily PKU word/POS, character BIO, CLUENER JSON lines), span scoring and
 * a jieba-POS baseline. Labels follow `conventions.ts`.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Label } from '../types.js';
import {
  abbreviationInWord,
  BIO_TYPES,
  CLUENER_TYPES,
  labelForAbbreviation,
  labelForBodyWord,
  PD_BRACKETS,
  PD_TAGS,
} from './conventions.js';
import { NER_LABELS, type NerLabel } from './labels.js';
import { SURNAMES_2 } from './lexicon.js';
import type { Tagger } from './window.js';

export interface GoldEntity {
  start: number;
  end: number;
  label: NerLabel;
}
export interface GoldRecord {
  text: string;
  entities: GoldEntity[];
  /** paragraph id (pd1998) or line number */
  id?: string;
}
export type GoldFormat = 'pd1998' | 'bio' | 'cluener' | 'resume' | 'weibo';

/** A span of a character-tagged set with the set's own type (NAME, PER.NAM, TITLE …). */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Sentences of a character-tagged file (one character a line, blank line between sentences) with BIO
 * or BMES tags (B-, I-/M-, E-, S-). `split` gives the character and the tag of a line.
 */
export function readCharTagged(
  path: string,
  split: (line: string) => [string, string],
): Array<{ id: string; text: string; spans: TypedSpan[] }> {
  const out: Array<{ id: string; text: string; spans: TypedSpan[] }> = [];
  let text = '';
  let spans: TypedSpan[] = [];
  let open: TypedSpan | undefined;
  const flush = (): void => {
    if (text) out.push({ id: String(out.length), text, spans });
    text = '';
    spans = [];
    open = undefined;
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const [ch, tag] = split(line);
    const start = text.length;
    text += ch;
    const part = tag.charAt(0);
    const type = tag.slice(2);
    if ((part === 'I' || part === 'M' || part === 'E') && open && open.type === type) {
      open.end = text.length;
      if (part === 'E') open = undefined;
      continue;
    }
    open = undefined;
    if (part === 'B' || part === 'S' || part === 'I' || part === 'M' || part === 'E') {
      const span = { start, end: text.length, type };
      spans.push(span);
      if (part === 'B' || part === 'I' || part === 'M') open = span;
    }
  }
  flush();
  return out;
}

/**
 * Resume NER (`char TAG`, BMES): NAME, ORG, TITLE. Its LOC and CONT are origins and nationalities
 * (辽宁海城人, 中国国籍), not places: the set is scored without places (`UNMARKED_LABELS`).
 */
const RESUME_TYPES: Record<string, Label> = { NAME: 'PERSON', ORG: 'ORG', TITLE: 'TITLE' };

/** Labels a gold format never marks: predictions of them are left out of its scores. */
export const UNMARKED_LABELS: Partial<Record<GoldFormat, ReadonlySet<string>>> = { resume: new Set(['LOC']) };
/** Weibo NER (`字0<TAB>TAG`, BIO): the named types only (PER.NAM …); GPE is a place. */
const WEIBO_TYPES: Record<string, Label> = {
  'PER.NAM': 'PERSON',
  'ORG.NAM': 'ORG',
  'LOC.NAM': 'LOC',
  'GPE.NAM': 'LOC',
};

/**
 * A character-tagged set as gold records of PERSON / LOC / ORG, and its TITLE spans by record id
 * (Resume only). Resume lines are `char TAG`; Weibo lines `char+digit<TAB>TAG`.
 */
export function readTaggedSet(
  format: 'resume' | 'weibo',
  path: string,
): { records: GoldRecord[]; titles: Map<string, Array<{ start: number; end: number }>> } {
  const types = format === 'resume' ? RESUME_TYPES : WEIBO_TYPES;
  const split =
    format === 'resume'
      ? spaceSeparated
      : (line: string): [string, string] => {
          const [token = '', tag = 'O'] = line.split('\t');
          return [Array.from(token)[0] ?? '', tag.trim()];
        };
  const records: GoldRecord[] = [];
  const titles = new Map<string, Array<{ start: number; end: number }>>();
  for (const sentence of readCharTagged(path, split)) {
    const entities: GoldEntity[] = [];
    const titleSpans: Array<{ start: number; end: number }> = [];
    for (const span of sentence.spans) {
      const label = types[span.type];
      if (label === 'TITLE') titleSpans.push({ start: span.start, end: span.end });
      else if (label === 'PERSON' || label === 'LOC' || label === 'ORG')
        entities.push({ start: span.start, end: span.end, label });
    }
    records.push({ text: sentence.text, entities, id: sentence.id });
    if (format === 'resume') titles.set(sentence.id, titleSpans);
  }
  return { records, titles };
}

const surname2 = new Set(SURNAMES_2);

/** Parse one PD line (`19980101-01-001-001/m  迈向/v ...`); returns undefined for blank lines. */
export function parsePdLine(line: string): GoldRecord | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length < 2 || parts[0] === '') return undefined;
  const id = (parts[0] as string).replace(/\/m$/, '');
  let text = '';
  const entities: GoldEntity[] = [];
  let bracketStart = -1;
  let nrRun: Array<[number, number]> = [];
  const flushNr = (): void => {
    let i = 0;
    while (i < nrRun.length) {
      const [s, e] = nrRun[i] as [number, number];
      const next = nrRun[i + 1];
      const w = text.slice(s, e);
      if (next && (w.length === 1 || (w.length === 2 && (surname2.has(w) || nrRun.length === 2)))) {
        entities.push({ start: s, end: next[1], label: 'PERSON' });
        i += 2;
      } else {
        entities.push({ start: s, end: e, label: 'PERSON' });
        i += 1;
      }
    }
    nrRun = [];
  };
  for (let k = 1; k < parts.length; k++) {
    let tok = parts[k] as string;
    let opens = false;
    if (tok.startsWith('[') && tok.length > 1 && tok.indexOf('/') > 1) {
      opens = true;
      tok = tok.slice(1);
    }
    let closeType: string | undefined;
    const close = /\]([A-Za-z]+)$/.exec(tok);
    if (close && tok.lastIndexOf('/') < close.index) {
      closeType = close[1];
      tok = tok.slice(0, close.index);
    }
    const slash = tok.lastIndexOf('/');
    const word = slash > 0 ? tok.slice(0, slash) : tok;
    const pos = slash > 0 ? tok.slice(slash + 1) : 'x';
    const start = text.length;
    text += word;
    const end = text.length;
    if (opens) {
      flushNr();
      bracketStart = start;
    }
    if (bracketStart < 0) {
      if (pos === 'nr') nrRun.push([start, end]);
      else {
        flushNr();
        const label = pos === 'j' ? labelForAbbreviation(word) : (PD_TAGS[pos] ?? labelForBodyWord(word));
        if (label) entities.push({ start, end, label });
        else {
          const at = abbreviationInWord(word);
          if (at >= 0) entities.push({ start: start + at, end: start + at + 1, label: 'LOC' });
        }
      }
    }
    if (closeType !== undefined) {
      const label = PD_BRACKETS[closeType];
      if (label && bracketStart >= 0) entities.push({ start: bracketStart, end, label });
      bracketStart = -1;
    }
  }
  flushNr();
  entities.sort((a, b) => a.start - b.start);
  return { text, entities, id };
}

/** People's Daily file; `filter(id)` selects paragraphs by id (e.g. by date). */
export function readPd(path: string, filter?: (id: string) => boolean): GoldRecord[] {
  const out: GoldRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const rec = parsePdLine(line);
    if (rec && rec.text.length > 0 && (!filter || filter(rec.id ?? ''))) out.push(rec);
  }
  return out;
}

/** The words of People's Daily paragraphs (`filter(id)` selects them), as the file segments them. */
export function pdWords(path: string, filter: (id: string) => boolean): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tokens = line.trim().split(/\s+/);
    if (!tokens[0] || !filter(tokens[0])) continue;
    for (const token of tokens.slice(1)) {
      // 中共中央/nt, [中共中央/nt, 统战部/nt]nt
      const slash = token.lastIndexOf('/');
      const word = (slash > 0 ? token.slice(0, slash) : token).replace(/^\[/, '');
      if (word) words.add(word);
    }
  }
  return words;
}

/**
 * A jieba with its default dictionary less `words`. jieba's dictionary was compiled with People's
 * Daily 1998 counts (鄢家河村 4, 强强 31: their counts in January), so it knows the rare words of every
 * day of our data, held-out days included; without them, text is segmented and tagged as text the
 * dictionary never saw would be.
 */
export function taggerWithout(words: ReadonlySet<string>): Jieba {
  const lines = Buffer.from(dict).toString('utf8').split('\n');
  const kept = lines.filter((line) => !words.has(line.slice(0, line.indexOf(' '))));
  return Jieba.withDict(Buffer.from(kept.join('\n')));
}

/** Character BIO (`char TAG` a line, blank line between sentences). */
export function readBio(path: string): GoldRecord[] {
  return readCharTagged(path, spaceSeparated).map(({ id, text, spans }) => {
    const entities: GoldEntity[] = [];
    for (const span of spans) {
      const label = BIO_TYPES[span.type];
      if (label) entities.push({ start: span.start, end: span.end, label });
    }
    return { text, entities, id };
  });
}

/** A `char TAG` line; a line without a space is one character tagged O. */
function spaceSeparated(line: string): [string, string] {
  const at = line.lastIndexOf(' ');
  return at > 0 ? [line.slice(0, at), line.slice(at + 1)] : [line.slice(0, 1), 'O'];
}

/** A half of a BIO file by sentence index parity (`readBio` ids are sentence indices). */
export type BioHalf = 'even' | 'odd';

export function bioHalf<R extends { id?: string }>(records: R[], half: BioHalf): R[] {
  const parity = half === 'even' ? 0 : 1;
  return records.filter((r) => Number(r.id) % 2 === parity);
}

/** The other half. */
export function otherHalf(half: BioHalf): BioHalf {
  return half === 'even' ? 'odd' : 'even';
}

/** CLUENER JSON lines (inclusive end offsets, code-point indices) mapped to UTF-16 spans. */
export function readCluener(path: string, from = 0, to = Number.POSITIVE_INFINITY): GoldRecord[] {
  const out: GoldRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const row = JSON.parse(line) as { text: string; label?: Record<string, Record<string, number[][]>> };
    const text = row.text;
    const u16: number[] = [];
    let u = 0;
    for (const ch of text) {
      u16.push(u);
      u += ch.length;
    }
    u16.push(u);
    const entities: GoldEntity[] = [];
    for (const [type, byString] of Object.entries(row.label ?? {})) {
      const label = CLUENER_TYPES[type];
      if (!label) continue;
      for (const spans of Object.values(byString)) {
        for (const [s, e] of spans) {
          if (s === undefined || e === undefined) continue;
          const start = u16[s];
          const end = u16[e + 1];
          if (start !== undefined && end !== undefined && end > start) entities.push({ start, end, label });
        }
      }
    }
    entities.sort((a, b) => a.start - b.start);
    out.push({ text, entities, id: String(i) });
  }
  return out;
}

export function readGold(format: GoldFormat, path: string): GoldRecord[] {
  if (format === 'pd1998') return readPd(path);
  if (format === 'bio') return readBio(path);
  if (format === 'resume' || format === 'weibo') return readTaggedSet(format, path).records;
  return readCluener(path);
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface EvalResult {
  perLabel: Record<NerLabel, Prf>;
  micro: Prf;
}

/** Precision, recall and F1 of counts (0 where a denominator is 0). */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

type SpanLike = { start: number; end: number; label: string };

/** Exact-match span scoring; `gold[i]` and `predicted[i]` are the entities of document i. */
export function evaluateSpans(gold: SpanLike[][], predicted: SpanLike[][]): EvalResult {
  const labels = NER_LABELS;
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const l of labels) c[l] = { tp: 0, fp: 0, fn: 0 };
  for (let d = 0; d < Math.max(gold.length, predicted.length); d++) {
    const g = new Set((gold[d] ?? []).map((e) => `${e.start}:${e.end}:${e.label}`));
    const p = new Set((predicted[d] ?? []).map((e) => `${e.start}:${e.end}:${e.label}`));
    for (const key of p) {
      const cell = c[key.slice(key.lastIndexOf(':') + 1)];
      if (!cell) continue;
      if (g.has(key)) cell.tp++;
      else cell.fp++;
    }
    for (const key of g) {
      const cell = c[key.slice(key.lastIndexOf(':') + 1)];
      if (cell && !p.has(key)) cell.fn++;
    }
  }
  const perLabel = {} as Record<NerLabel, Prf>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const l of labels) {
    const x = c[l] as { tp: number; fp: number; fn: number };
    perLabel[l] = prf(x.tp, x.fp, x.fn);
    tp += x.tp;
    fp += x.fp;
    fn += x.fn;
  }
  return { perLabel, micro: prf(tp, fp, fn) };
}

/** The baseline's segmenter: @node-rs/jieba with its default dictionary (create once per evaluation). */
export function baselineTagger(): Tagger {
  return Jieba.withDict(dict);
}

/** Baseline: jieba POS tags nr / ns / nt as PERSON / LOC / ORG (one token = one entity). */
export function jiebaPosBaseline(text: string, tg: Tagger): GoldEntity[] {
  const out: GoldEntity[] = [];
  let at = 0;
  for (const { word, tag } of tg.tag(text)) {
    const label = PD_TAGS[tag];
    if (label) out.push({ start: at, end: at + word.length, label });
    at += word.length;
  }
  return out;
}
