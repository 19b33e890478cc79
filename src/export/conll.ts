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
 * BIO tags per token. An entity tags every token it overlaps (B- on the first); the NER stage can end
 * an entity inside a token, and a token can carry one tag only, so the token takes the entity it
 * starts in, which is the usual projection of character spans onto tokens.
 */
export function bioTags(tokens: Token[], entities: Entity[]): string[] {
  const tags = tokens.map(() => 'O');
  let t = 0;
  for (const entity of entities) {
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= entity.start) t++;
    let first = true;
    for (let k = t; k < tokens.length && (tokens[k]?.start ?? 0) < entity.end; k++) {
      if (tags[k] !== 'O') continue;
      tags[k] = `${first ? 'B' : 'I'}-${entity.label}`;
      first = false;
    }
  }
  return tags;
}

/** Whitespace inside a token would break the column format: it is written as U+00A0. */
const cell = (value: string) => value.replace(/[\t\n\r ]/g, '\u00a0');

/**
 * CoNLL-style columns: `token<TAB>POS<TAB>BIO`, a blank line after each sentence, a `# id = ...` line
 * before each document. A sentence ends after 。！？!?；… or at a line break. No offsets are written.
 */
export function toConll(doc: Doc): string {
  const tags = bioTags(doc.tokens, doc.entities);
  const lines: string[] = [`# id = ${cell(doc.id ?? '')}`];
  let open = false;
  doc.tokens.forEach((token, i) => {
    const next = doc.tokens[i + 1];
    lines.push(`${cell(token.text)}\t${token.pos}\t${tags[i]}`);
    open = true;
    const gap = doc.text.slice(token.end, next?.start ?? doc.text.length);
    if (SENTENCE_END.test(token.text) || gap.includes('\n') || !next) {
      lines.push('');
      open = false;
    }
  });
  if (open) lines.push('');
  if (doc.tokens.length === 0) lines.push('');
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
