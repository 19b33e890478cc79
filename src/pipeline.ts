import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type DictDiagnostic, Dictionary, type DictMatch } from './dictionary/dictionary.js';
import type { DictEntry, TermFields } from './dictionary/entry.js';
import { loadManifest } from './dictionary/manifest.js';
import { linkOfficials } from './entities/officials.js';
import { PlaceIndex } from './entities/places.js';
import { type EntityGuidelines, recognizeEntities } from './entities/recognize.js';
import { TownshipIndex } from './entities/townships.js';
import { ZhtagError } from './errors.js';
import { KeywordExtractor, type KeywordOptions } from './keywords/extract.js';
import { NerModel } from './ner/model.js';
import { createNormalizer, type Normalizer } from './normalize.js';
import { dictionariesDir, packageRoot } from './paths.js';
import { createEngine, type EngineName, type SegmentEngine } from './segment/engines.js';
import { splitTokensAtNames } from './segment/names.js';
import { segmentText } from './segment/segment.js';
import type { Doc, DocInput, Entity, Label, Token } from './types.js';

/** Options of `createPipeline`. */
export interface PipelineOptions {
  /** Segmentation engine: `node-rs` (@node-rs/jieba, default) or `nodejieba`. */
  engine?: EngineName;
  /** User dictionary files (TSV with header, or jieba `word [freq] [pos]` lines), loaded in order. */
  dicts?: string[];
  /** The shipped dictionaries' manifest, or `false` to load none. Default: `dictionaries/manifest.json`. */
  manifest?: string | false;
  /** Match traditional characters against the simplified dictionaries (default true). */
  traditional?: boolean;
  /**
   * Named entities (PERSON, TITLE, ORG, LOC) and officials: `true` (default) loads the shipped model
   * `dictionaries/models/ner.bin.gz`, a path loads another, `false` keeps only dictionary entities.
   */
  ner?: boolean | string;
  /**
   * Keywords of `annotate`: method (`tfidf` | `textrank`), `top` (default 10), POS allow-list; or
   * `false` to skip them (records keep an empty `keywords` array; `keywordExtractor` still works).
   */
  keywords?: KeywordOptions | false;
  /** IDF table (`word idf` lines, e.g. from `zhtag idf build`); default: the engine's bundled table. */
  idf?: string;
  /**
   * Whose annotation guidelines the entities follow. `zhtag` (default): People's Daily 1998's reading
   * of names (中国政府 and 焦作市委 are one organization), plus what readers of political news ask for
   * and that gold set never marks: every body even when named by its kind (市政府 in 市委、市政府), every
   * newspaper (河南日报, kind media), every region (黄河, 东北). `pd1998`: People's Daily 1998 as
   * annotated (what `zhtag eval --format pd1998` scores). `bio`: the character-level BIO news sets such
   * as pd1998-ner (the place inside 中国政府 is the entity, 地区 is left out of a place). The officials
   * logic reads bodies the same way in all three.
   */
  convention?: EntityGuidelines;
}

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

/** The frequency of a who's-who name in the engine's dictionary (jieba's names: mostly 10–1,000). */
const PERSON_FREQUENCY = 1000;

const RESERVED_FIELDS = new Set(['id', 'text', 'tokens', 'entities', 'officials', 'spans', 'keywords']);

/**
 * A pipeline built once from dictionaries and models, then run on many texts. It owns all its state:
 * two pipelines with different dictionaries in one process never affect each other.
 */
export class Pipeline {
  readonly dictionary: Dictionary;
  readonly engine: SegmentEngine;
  private readonly normalizer: Normalizer;
  private readonly model: NerModel | undefined;
  private readonly places: PlaceIndex;
  /** Loads the IDF table and stop words once; extraction reads no file. */
  readonly keywordExtractor: KeywordExtractor;
  /** Whether `annotate` extracts keywords. */
  private readonly keywords: boolean;
  /** Whose guidelines the entities follow (`PipelineOptions.convention`). */
  private readonly guidelines: EntityGuidelines;

  constructor(options: PipelineOptions = {}) {
    this.normalizer = createNormalizer({ traditional: options.traditional !== false });
    this.dictionary = new Dictionary(this.normalizer);
    const root = packageRoot();
    let townshipIndex: TownshipIndex | undefined;
    if (options.manifest !== false) {
      const manifestPath = options.manifest ?? join(dictionariesDir(), 'manifest.json');
      if (!existsSync(manifestPath)) {
        throw new ZhtagError('E_DICT_NOT_FOUND', `${manifestPath}: no such manifest`, { file: manifestPath });
      }
      const townships = loadManifest(this.dictionary, manifestPath, root);
      if (townships !== undefined) townshipIndex = TownshipIndex.load(townships, relative(root, townships));
    }
    for (const file of options.dicts ?? []) {
      this.dictionary.loadFile(resolve(file), {
        layer: 'user',
        label: 'POLICY',
        mode: 'frozen',
        displayPath: file,
      });
    }
    // The who's-who's names are words of the engine: jieba's core dictionary knows the names of 1998.
    const names = this.dictionary
      .entries()
      .filter((entry) => entry.label === 'PERSON')
      .map((entry) => entry.term);
    this.engine = createEngine(options.engine ?? 'node-rs', {
      words: names,
      tag: 'nr',
      frequency: PERSON_FREQUENCY,
    });
    const ner = options.ner ?? true;
    const model =
      ner === false
        ? undefined
        : NerModel.load(ner === true ? join(dictionariesDir(), 'models', 'ner.bin.gz') : ner);
    // The model tags with the engine's jieba where the engine is jieba-rs: one dictionary in memory.
    const tagged = model && this.engine.tagger ? model.withTagger(this.engine.tagger) : model;
    this.model = tagged && options.convention === 'bio' ? tagged.withConvention('bio') : tagged;
    this.guidelines = options.convention ?? 'zhtag';
    this.places = new PlaceIndex(this.dictionary, townshipIndex);
    this.keywordExtractor = new KeywordExtractor({
      ...(options.idf !== undefined ? { idf: options.idf } : {}),
      ...(options.keywords ? { defaults: options.keywords } : {}),
    });
    this.keywords = options.keywords !== false;
  }

  /** Problems found while loading dictionaries (duplicates, conflicts, overrides). */
  get diagnostics(): readonly DictDiagnostic[] {
    return this.dictionary.diagnostics;
  }

  /** Map a text to the simplified, half-width form the dictionaries are matched against (same length). */
  normalize(text: string): string {
    return this.normalizer.normalize(text);
  }

  /** Tokens of a text: policy and user terms whole, the rest from the engine. */
  segment(text: string): Token[] {
    return segmentText(text, this.normalizer.normalize(text), this.dictionary, this.engine).tokens;
  }

  /** Annotates one document. */
  annotate(input: DocInput): Doc {
    const text = typeof input === 'string' ? input : input.text;
    if (typeof text !== 'string') throw new ZhtagError('E_INPUT', 'field "text" must be a string');
    const normalized = this.normalizer.normalize(text);
    const segmentation = segmentText(text, normalized, this.dictionary, this.engine);
    let { tokens } = segmentation;
    let entities = segmentation.frozen.map((match) => entityFromMatch(text, match));
    let spans: Record<string, Entity[]> | undefined;
    if (segmentation.overlapping.length > 0) {
      spans = { overlapping: segmentation.overlapping.map((match) => entityFromMatch(text, match)) };
    }
    let officials: Doc['officials'];
    if (this.model) {
      const recognized = recognizeEntities({
        text,
        normalized,
        tokens,
        frozen: entities,
        dictionary: this.dictionary,
        places: this.places,
        model: this.model,
        guidelines: this.guidelines,
        entityFromMatch,
      });
      entities = recognized.entities;
      if (recognized.nested.length > 0) spans = { ...spans, nested: recognized.nested };
      officials = linkOfficials(text, entities, recognized.where);
      tokens = splitTokensAtNames(tokens, entities, this.engine.posOf);
    }
    const keywords = this.keywords ? this.keywordExtractor.extract(tokens, entities) : [];
    // The record's key order: id, text, tokens, entities, officials, spans, keywords, then the
    // input's other fields. Built once, in that order (this runs once per document on the hot path).
    const doc = {} as Doc;
    if (typeof input !== 'string' && input.id !== undefined) doc.id = input.id;
    doc.text = text;
    doc.tokens = tokens;
    doc.entities = entities;
    if (officials !== undefined) doc.officials = officials;
    if (spans !== undefined) doc.spans = spans;
    doc.keywords = keywords;
    if (typeof input !== 'string') {
      for (const key in input) if (!RESERVED_FIELDS.has(key)) doc[key] = input[key];
    }
    return doc;
  }

  /** Adds a term at runtime (highest layer, frozen). It applies to the next call. */
  addTerm(fields: TermFields & { label?: Label }): DictEntry {
    return this.dictionary.addRuntime(fields, fields.label ?? 'POLICY');
  }

  /** Removes a term (and stops lower layers' entries for it from matching). Returns entries affected. */
  removeTerm(term: string): number {
    return this.dictionary.remove(term);
  }
}

/** Builds a pipeline: loads the engine, the shipped dictionaries and the user's. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  return new Pipeline(options);
}
