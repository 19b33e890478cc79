import type { Doc, Entity, Token } from '../types.js';
import type { StreamExporter } from './exporter.js';

/** One line of the CoNLL export. */
export interface ConllToken {
  token: string;
  pos: string;
  tag: string;
}

/** A document read back from the CoNLL export. */
export interface ConllDoc {
  id: string;
  sentences: ConllToken[][];
}

const SENTENCE_END = /^[。！？!?；;…]+$/;

/**
 * Tokens cut at every entity boundary that falls inside one (never inside a surrogate pair): a token
 * carries one tag, so `焦作 | 市委书记` with ORG 焦作市委 and TITLE 书记 becomes `焦作 | 市委 | 书记`.
 * The pieces keep the token's POS. Without this the TITLE would be lost and the ORG would grow.
 */
export function splitAtEntities(text: string, tokens: Token[], entities: Entity[]): Token[] {
  const cuts = new Set<number>();
  for (const entity of entities) cuts.add(entity.start).add(entity.end);
  const out: Token[] = [];
  for (const token of tokens) {
    let start = token.start;
    for (let at = token.start + 1; at < token.end; at++) {
      if (!cuts.has(at)) continue;
      const code = text.charCodeAt(at);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      out.push({ ...token, text: text.slice(start, at), start, end: at });
      start = at;
    }
    out.push(start === token.start ? token : { ...token, text: text.slice(start, token.end), start });
  }
  return out;
}

/**
 * BIO tags per token (tokens cut at entity boundaries, `splitAtEntities`): B- on the token an entity
 * starts with, I- on the others inside it, O elsewhere. Flat entities never overlap, so no token can
 * take two.
 */
export function bioTags(tokens: Token[], entities: Entity[]): string[] {
  const tags = tokens.map(() => 'O');
  let t = 0;
  for (const entity of entities) {
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= entity.start) t++;
    for (let k = t; k < tokens.length && (tokens[k]?.start ?? 0) < entity.end; k++) {
      const token = tokens[k] as Token;
      if (tags[k] !== 'O' || token.start < entity.start || token.end > entity.end) continue;
      tags[k] = `${token.start === entity.start ? 'B' : 'I'}-${entity.label}`;
    }
  }
  return tags;
}

/** Whitespace inside a token would break the column format: it is written as U+00A0. */
const cell = (value: string) => value.replace(/[\t\n\r ]/g, '\u00a0');

/**
 * CoNLL-style columns: `token<TAB>POS<TAB>BIO`, a blank line after each sentence, a `# id = ...` line
 * before each document. A sentence ends after 。！？!?；… or at a line break. No offsets are written.
 * A token an entity boundary falls inside is written as its pieces (`splitAtEntities`).
 */
export function toConll(doc: Doc): string {
  const tokens = splitAtEntities(doc.text, doc.tokens, doc.entities);
  const tags = bioTags(tokens, doc.entities);
  const lines: string[] = [`# id = ${cell(doc.id ?? '')}`];
  let open = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    lines.push(`${cell(token.text)}\t${token.pos}\t${tags[i]}`);
    open = true;
    const gap = doc.text.slice(token.end, next?.start ?? doc.text.length);
    if (SENTENCE_END.test(token.text) || gap.includes('\n') || !next) {
      lines.push('');
      open = false;
    }
  });
  if (open) lines.push('');
  if (tokens.length === 0) lines.push('');
  return `${lines.join('\n')}\n`;
}

/** Reads the CoNLL export back (used by tests, and by anyone loading it in JavaScript). */
export function readConll(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sentence: ConllToken[] = [];
  for (const line of content.split('\n')) {
    if (line.startsWith('# id = ')) {
      docs.push({ id: line.slice('# id = '.length), sentences: [] });
    } else if (line === '') {
      if (sentence.length > 0) docs[docs.length - 1]?.sentences.push(sentence);
      sentence = [];
    } else {
      const [token = '', pos = '', tag = ''] = line.split('\t');
      sentence.push({ token: token.replace(/\u00a0/g, ' '), pos, tag });
    }
  }
  return docs;
}

export function conllExporter(): StreamExporter {
  return {
    kind: 'stream',
    format: 'conll',
    offsetUnit: 'none',
    resumable: false,
    begin: () => '',
    render: toConll,
    separator: '',
    end: () => '',
  };
}
