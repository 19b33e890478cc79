import type { DictMatch } from '../dictionary/dictionary.js';
import type { Entity } from '../types.js';

/** Turns a dictionary match into an entity that says which entry (file:line) produced it. */
export function entityFromMatch(text: string, match: DictMatch): Entity {
  const { entry } = match;
  const entity: Entity = {
    text: text.slice(match.start, match.end),
    start: match.start,
    end: match.end,
    label: entry.label,
    source: `${entry.file}:${entry.line}`,
    term: entry.term,
    type: entry.type,
  };
  if (entry.level !== undefined) entity.level = entry.level;
  if (entry.region !== undefined) entity.region = entry.region;
  if (entry.gloss !== undefined) entity.gloss = entry.gloss;
  for (const [key, value] of Object.entries(entry.attrs)) if (!(key in entity)) entity[key] = value;
  return entity;
}
