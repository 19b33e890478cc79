import { ABBREVIATION_UNITS, abbreviationInWord as abbreviatedAt } from '../../ner/conventions.js';
import type { EntityRule } from '../context.js';
import { makeEntity } from '../names.js';

/** Countries that ordinary words abbreviate to one character (访华, 中方, 美军, 访俄): the country. */
const ABBREVIATED_COUNTRIES = new Map([
  ['中', '中国'],
  ['华', '中国'],
  ['美', '美国'],
  ['日', '日本'],
  ['俄', '俄罗斯'],
  ['英', '英国'],
  ['法', '法国'],
  ['德', '德国'],
  ['韩', '韩国'],
  ['朝', '朝鲜'],
]);

/**
 * The place a segmenter word abbreviates inside itself (华 in 访华, 中 in 中药, 京 in 抵京, 沪 in 赴沪):
 * the character is that place (`rule:abbreviation-in-word`), as People's Daily's `pd1998` reading and the
 * character-BIO sets mark it. The words are the closed list of `abbreviationInWord` (src/ner/conventions.ts);
 * the model reads most of them (52 of 68 on the selection days, a model trained on Jan 1–17), this
 * rule the rest (14 right, 0 wrong there).
 */
export const abbreviationInWord: EntityRule = {
  name: 'abbreviation-in-word',
  run(context) {
    const { text, normalized, tokens, places, candidates } = context;
    for (const token of tokens) {
      // every listed word has two units, one of them an abbreviation: most words fail before a slice
      if (
        token.end - token.start !== 2 ||
        !(
          ABBREVIATION_UNITS.has(normalized.charCodeAt(token.start)) ||
          ABBREVIATION_UNITS.has(normalized.charCodeAt(token.start + 1))
        )
      )
        continue;
      const at = abbreviatedAt(normalized.slice(token.start, token.end));
      if (at < 0) continue;
      const start = token.start + at;
      const character = normalized.charAt(start);
      const division = places.byAbbreviation.get(character);
      const country = ABBREVIATED_COUNTRIES.get(character);
      const attributes = division
        ? { refersTo: division.name, code: division.code, level: division.level }
        : country
          ? { refersTo: country }
          : {};
      candidates.push(makeEntity(text, start, start + 1, 'LOC', 'rule:abbreviation-in-word', attributes));
    }
  },
};
