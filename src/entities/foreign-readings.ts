import type { Entity } from '../types.js';

/**
 * Model readings of a person that are a foreign place or army. The model learnt its names from People's
 * Daily 1998 and reads today's transliterated toponyms of war reports as names:
 * - a name of four characters or more ending as East European places end (库皮扬斯克, 顿涅茨克,
 *   卢甘斯克, 斯大林格勒, 阿夫迪伊夫卡) is a place (马斯克, three characters, stays a person);
 * - a country's one-character abbreviation and 军 (乌军, 俄军, 以军) is that country's army.
 */
const PLACE_ENDING = /(斯克|茨克|格勒|夫卡)$/;
const ARMY = /^[乌俄美以日英法德韩朝印巴叙伊]军$/;

export function foreignReading(entity: Entity): Entity {
  if (entity.label !== 'PERSON' || entity.source !== 'model') return entity;
  if (entity.text.length >= 4 && PLACE_ENDING.test(entity.text) && !entity.text.includes('·'))
    return { ...entity, label: 'LOC' };
  if (ARMY.test(entity.text)) return { ...entity, label: 'ORG' };
  return entity;
}
