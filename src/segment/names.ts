import type { Entity, Token } from '../types.js';

/**
 * Tokens cut where a person's name begins or ends inside a word: the engine's HMM joins an unknown
 * name with the character after it (任命张三为 → 张三为), which would hide the name from keywords and
 * from every consumer of tokens. The name's piece is tagged `nr`; the rest gets the engine's tag.
 * Returns `tokens` itself when no name cuts a word.
 */
export function splitTokensAtNames(
  tokens: Token[],
  entities: readonly Entity[],
  posOf: (word: string) => string,
): Token[] {
  const cuts: number[] = [];
  const names = new Set<number>();
  for (const e of entities)
    if (e.label === 'PERSON') {
      cuts.push(e.start, e.end);
      names.add(e.start);
    }
  if (cuts.length === 0) return tokens;
  cuts.sort((a, b) => a - b);
  let out: Token[] | undefined;
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    while (c < cuts.length && (cuts[c] as number) <= token.start) c++;
    if (c >= cuts.length || (cuts[c] as number) >= token.end) {
      out?.push(token);
      continue;
    }
    out ??= tokens.slice(0, i);
    let start = token.start;
    for (; c < cuts.length && (cuts[c] as number) < token.end; c++) {
      const cut = cuts[c] as number;
      if (cut > start) out.push(piece(token, start, cut, names, posOf));
      start = cut;
    }
    out.push(piece(token, start, token.end, names, posOf));
  }
  return out ?? tokens;
}

function piece(
  token: Token,
  start: number,
  end: number,
  names: ReadonlySet<number>,
  posOf: (word: string) => string,
): Token {
  const text = token.text.slice(start - token.start, end - token.start);
  return { text, start, end, pos: names.has(start) ? 'nr' : posOf(text) };
}
