import type { EntityRule } from '../context.js';
import { makeEntity } from '../names.js';
import type { Division } from '../places.js';

/**
 * One-character abbreviations of provinces written as a word of their own or run together (豫/ns 企, 川/j
 * 渝/j 两地, 豫港/ns 合作, 湘鄂赣/j 三省): every character is the province (豫 → 河南省 410000), as People's
 * Daily tags a lone abbreviation (`j`) and the character-BIO sets tag 欧 美 (`rule:place-abbreviation`).
 * Countries (美, 俄) are left to the model: the core dictionary tags words such as 美德 and 赞美 `ns`.
 */
export const placeAbbreviation: EntityRule = {
  name: 'place-abbreviation',
  run(context) {
    const { text, normalized, tokens, places, candidates } = context;
    for (const token of tokens) {
      if (token.end - token.start > 4 || !(token.pos === 'j' || token.pos === 'ns')) continue;
      let all = true;
      for (let i = token.start; i < token.end && all; i++)
        all = places.byAbbreviation.has(normalized.charAt(i));
      if (!all) continue;
      for (let i = token.start; i < token.end; i++) {
        const division = places.byAbbreviation.get(normalized.charAt(i)) as Division;
        candidates.push(
          makeEntity(text, i, i + 1, 'LOC', 'rule:place-abbreviation', {
            refersTo: division.name,
            code: division.code,
            level: division.level,
          }),
        );
      }
    }
  },
};
