import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type DictDiagnostic, Dictionary } from './dictionary/dictionary.js';
import type { DictEntry, TermFields } from './dictionary/entry.js';
import { loadManifest } from './dictionary/manifest.js';
import { ENTITY_GUIDELINES, type EntityGuidelines, guidelinesOf } from './entities/guidelines.js';
import { PlaceIndex } from './entities/places.js';
import { TownshipIndex } from './entities/townships.js';
import { ZhtagError } from './errors.js';
import { KeywordExtractor, type KeywordOptions } from './keywords/extract.js';
import { NerModel } from './ner/model.js';
import { createNormalizer, type Normalizer } from './normalize.js';
import { dictionariesDir, packageRoot } from './paths.js';
import { createEngine, ENGINES, type EngineName, type SegmentEngine } from './segment/engines.js';
import { segmentText } from './segment/segment.js';
import { ENTITIES, entityStage } from './stages/entities.js';
import { KEYWORDS, keywordsStage } from './stages/keywords.js';
import { NORMALIZE, normalizeStage } from './stages/normalize.js';
import { OFFICIALS, officialsStage } from './stages/officials.js';
import { SEGMENT, segmentStage } from './stages/segment.js';
import {
  checkRequirements,
  disabledStages,
  newAnnotation,
  type Stage,
  type StageDeclaration,
  type StageName,
} from './stages/stage.js';
import type { Doc, DocInput, Label, Token } from './types.js';

/** The guidelines option, checked. */
function checkedGuidelines(name: string | undefined): EntityGuidelines {
  if (name === undefined) return 'zhtag';
  if (!(ENTITY_GUIDELINES as readonly string[]).includes(name)) {
    throw new ZhtagError(
      'E_USAGE',
      `option "guidelines": "${name}" is none of ${ENTITY_GUIDELINES.join(', ')}`,
    );
  }
  return name as EntityGuidelines;
}

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
   * Stages to leave out (`STAGE_NAMES`: normalize, segment, entities, officials, keywords). Without
   * `entities` and `officials` only policy and user-dictionary terms are entities (faster); without
   * `keywords` records keep an empty `keywords` array (`keywordExtractor` still works). A stage whose
   * input comes from a disabled stage is an error (disable `officials` with `entities`).
   */
  disable?: StageName[];
  /** The NER model of the `entities` stage: default `dictionaries/models/ner.bin.gz`. */
  model?: string;
  /** Keywords of `annotate`: method (`tfidf` | `textrank`), `top` (default 10), POS allow-list. */
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
  guidelines?: EntityGuidelines;
  /**
   * @deprecated `false` is `disable: ['entities', 'officials']`, a path is `model`. `keywords: false`
   * is likewise `disable: ['keywords']`.
   */
  ner?: boolean | string;
  /** @deprecated the former name of `guidelines`. */
  convention?: EntityGuidelines;
}

/**
 * The frequency of a who's-who name in the engine's dictionary: high enough to beat the 1998 words that
 * join a name to the character before it (向普京/nr, 3), as a frequent word does (jieba's 向 is ~60,000).
 */
const PERSON_FREQUENCY = 10000;

const LABELS: readonly Label[] = ['POLICY', 'PERSON', 'ORG', 'LOC', 'TITLE'];

/** A value as messages name it: `null`, `a number`, `"nope"`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value)
    ? 'an array'
    : typeof value === 'object' || typeof value === 'undefined'
      ? `an ${typeof value}`
      : `a ${typeof value}`;
}

/** Options a pipeline cannot be built with fail here, as `E_USAGE` naming the option. */
function checkPipelineOptions(options: PipelineOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new ZhtagError('E_USAGE', `createPipeline expects an options object, got ${describe(options)}`);
  if (options.engine !== undefined && !(ENGINES as readonly string[]).includes(options.engine))
    throw new ZhtagError(
      'E_USAGE',
      `option "engine" must be one of ${ENGINES.join(', ')}, got ${describe(options.engine)}`,
    );
  if (
    options.dicts !== undefined &&
    (!Array.isArray(options.dicts) || options.dicts.some((d) => typeof d !== 'string'))
  )
    throw new ZhtagError('E_USAGE', 'option "dicts" must be a list of file paths');
}

const RESERVED_FIELDS = new Set(['id', 'text', 'tokens', 'entities', 'officials', 'spans', 'keywords']);

/** Every stage's declaration, in pipeline order. */
const DECLARATIONS: readonly StageDeclaration[] = [NORMALIZE, SEGMENT, ENTITIES, OFFICIALS, KEYWORDS];

/** The stages an options object leaves out, the deprecated flags included. */
function disabledBy(options: PipelineOptions): Set<StageName> {
  const disabled = disabledStages(options.disable ?? []);
  if (options.ner === false) disabled.add('entities').add('officials');
  if (options.keywords === false) disabled.add('keywords');
  return disabled;
}

/**
 * A pipeline built once from dictionaries and models, then run on many texts. It owns all its state:
 * two pipelines with different dictionaries in one process never affect each other. `annotate` runs
 * its `stages` in order over one document.
 */
export class Pipeline {
  readonly dictionary: Dictionary;
  readonly engine: SegmentEngine;
  private readonly normalizer: Normalizer;
  /** Loads the IDF table and stop words once; extraction reads no file. */
  readonly keywordExtractor: KeywordExtractor;
  /** The stages `annotate` runs, in order (those not disabled). */
  readonly stages: readonly Stage[];

  constructor(options: PipelineOptions = {}) {
    checkPipelineOptions(options);
    const disabled = disabledBy(options);
    const declared = DECLARATIONS.filter((stage) => !disabled.has(stage.name));
    checkRequirements(declared, DECLARATIONS);
    const guidelines = guidelinesOf(checkedGuidelines(options.guidelines ?? options.convention));
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
    // Chinese names of two characters stay out: as words they would cut longer names that begin with
    // them (陈武 of 陈武元); the gazetteer still reads them where the engine cuts them whole. Foreign ones
    // (普京, 舒默) go in: the HMM would join them to the word before (向普京).
    const names = this.dictionary
      .entries()
      .filter((entry) => entry.label === 'PERSON' && (entry.term.length >= 3 || entry.type === 'foreign'))
      .map((entry) => entry.term);
    this.engine = createEngine(options.engine ?? 'node-rs', {
      words: names,
      tag: 'nr',
      frequency: PERSON_FREQUENCY,
    });
    this.keywordExtractor = new KeywordExtractor({
      ...(options.idf !== undefined ? { idf: options.idf } : {}),
      ...(options.keywords ? { defaults: options.keywords } : {}),
    });
    const build: Record<StageName, () => Stage> = {
      normalize: () => normalizeStage(this.normalizer),
      segment: () => segmentStage(this.dictionary, this.engine),
      entities: () => {
        const path = options.model ?? (typeof options.ner === 'string' ? options.ner : undefined);
        const loaded = NerModel.load(path ?? join(dictionariesDir(), 'models', 'ner.bin.gz'));
        // The model tags with the engine's jieba where the engine is jieba-rs: one dictionary in memory.
        const tagged = this.engine.tagger ? loaded.withTagger(this.engine.tagger) : loaded;
        const model =
          guidelines.modelConvention === 'bio' ? tagged.withConvention(guidelines.modelConvention) : tagged;
        const places = new PlaceIndex(this.dictionary, townshipIndex);
        return entityStage({ dictionary: this.dictionary, places, model, guidelines, engine: this.engine });
      },
      officials: () => officialsStage(),
      keywords: () => keywordsStage(this.keywordExtractor),
    };
    this.stages = declared.map((stage) => build[stage.name]());
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
    if (typeof text !== 'string')
      throw new ZhtagError(
        'E_INPUT',
        `segment expects a string, got ${describe(text)} (annotate takes {text})`,
      );
    return segmentText(text, this.normalizer.normalize(text), this.dictionary, this.engine).tokens;
  }

  /** Annotates one document. */
  annotate(input: DocInput): Doc {
    if (typeof input !== 'string' && (typeof input !== 'object' || input === null || Array.isArray(input)))
      throw new ZhtagError('E_INPUT', `annotate expects a string or {text, id?}, got ${describe(input)}`);
    const text = typeof input === 'string' ? input : input.text;
    if (typeof text !== 'string') throw new ZhtagError('E_INPUT', 'field "text" must be a string');
    const annotation = newAnnotation(text);
    for (const stage of this.stages) stage.run(annotation);
    // The record's key order: id, text, tokens, entities, officials, spans, keywords, then the
    // input's other fields. Built once, in that order (this runs once per document on the hot path).
    const doc = {} as Doc;
    if (typeof input !== 'string' && input.id !== undefined) doc.id = input.id;
    doc.text = text;
    doc.tokens = annotation.tokens;
    doc.entities = annotation.entities;
    if (annotation.officials !== undefined) doc.officials = annotation.officials;
    if (annotation.spans !== undefined) doc.spans = annotation.spans;
    doc.keywords = annotation.keywords;
    if (typeof input !== 'string') {
      for (const key in input) if (!RESERVED_FIELDS.has(key)) doc[key] = input[key];
    }
    return doc;
  }

  /** Adds a term at runtime (highest layer, frozen). It applies to the next call. */
  addTerm(fields: TermFields & { label?: Label }): DictEntry {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      throw new ZhtagError(
        'E_INPUT',
        `addTerm expects {term, type?, aliases?, ...}, got ${describe(fields)}`,
      );
    if (fields.label !== undefined && !LABELS.includes(fields.label))
      throw new ZhtagError(
        'E_INPUT',
        `field "label" must be one of ${LABELS.join(', ')}, got ${describe(fields.label)}`,
      );
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
