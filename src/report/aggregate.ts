import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ZhtagError } from '../errors.js';
import { createNormalizer, type Normalizer } from '../normalize.js';
import { dictionariesDir } from '../paths.js';
import type { Doc, Entity } from '../types.js';

/** A counted item: mentions, and documents mentioning it. */
export interface Tally {
  name: string;
  count: number;
  documents: number;
}

/** One office of an official across the corpus: title @ body (division or country), with the documents stating it. */
export interface PositionTally {
  title: string;
  organization?: string;
  jurisdiction?: string;
  country?: string;
  former?: boolean;
  documents: number;
}

export interface OfficialTally extends Tally {
  /** Every office the corpus states for this person, each once, most documents first. */
  positions: PositionTally[];
}

export interface PlaceTally extends Tally {
  code: string;
  province?: string;
}

/** What `zhtag report` computes over annotated JSONL files. */
export interface CorpusReport {
  files: string[];
  documents: number;
  errors: number;
  characters: number;
  officials: OfficialTally[];
  people: Tally[];
  organizations: Tally[];
  places: { provinces: PlaceTally[]; cities: PlaceTally[]; unresolved: Tally[] };
  policyTerms: Array<Tally & { type?: string }>;
  keywords: Array<Tally & { weight: number }>;
  labels: Record<string, number>;
}

export interface ReportOptions {
  /** Items kept per list (default 30). */
  top?: number;
}

interface Counter {
  count: number;
  documents: number;
  lastDoc: number;
}

class TallyMap<T extends object = object> {
  readonly items = new Map<string, Counter & { extra: T }>();
  constructor(private readonly init: () => T) {}
  add(key: string, doc: number, weight = 1): T {
    let item = this.items.get(key);
    if (!item) {
      item = { count: 0, documents: 0, lastDoc: -1, extra: this.init() };
      this.items.set(key, item);
    }
    item.count += weight;
    if (item.lastDoc !== doc) {
      item.documents++;
      item.lastDoc = doc;
    }
    return item.extra;
  }
  top(n: number, by: 'count' | 'documents' = 'count'): Array<Tally & { extra: T }> {
    return [...this.items.entries()]
      .map(([name, c]) => ({ name, count: c.count, documents: c.documents, extra: c.extra }))
      .sort((a, b) => b[by] - a[by] || b.count - a.count || (a.name < b.name ? -1 : 1))
      .slice(0, n);
  }
}

/** Division names and levels by GB/T 2260 code, from the shipped gazetteer. */
function loadDivisions(): Map<string, { name: string; level: string }> {
  const divisions = new Map<string, { name: string; level: string }>();
  const lines = readFileSync(join(dictionariesDir(), 'gazetteer', 'places.tsv'), 'utf8').split('\n');
  let header: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
    if (row.code) divisions.set(row.code, { name: row.term ?? '', level: row.level ?? '' });
  }
  return divisions;
}

const spanText = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
    ? (value as { text: string }).text
    : undefined;

const nameOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
    ? (value as { name: string }).name
    : undefined;

/**
 * Accumulates a report one document at a time (memory grows with distinct names, not with the corpus).
 * Labels are whatever the documents hold: an entity stage that is not there simply leaves its lists empty.
 */
export class ReportBuilder {
  private documents = 0;
  private errors = 0;
  private characters = 0;
  private readonly labels: Record<string, number> = {};
  private readonly officials = new TallyMap(() => ({
    positions: new Map<string, PositionTally & { lastDoc: number }>(),
  }));
  private readonly people = new TallyMap(() => ({}));
  private readonly organizations = new TallyMap(() => ({}));
  private readonly provinces = new TallyMap(() => ({}));
  private readonly cities = new TallyMap(() => ({}));
  private readonly unresolved = new TallyMap(() => ({}));
  private readonly policy = new TallyMap(() => ({ type: undefined as string | undefined }));
  private readonly keywords = new TallyMap(() => ({ weight: 0 }));
  private divisions: Map<string, { name: string; level: string }> | undefined;
  private readonly files: string[] = [];

  private normalizer: Normalizer | undefined;

  /** The key a name is counted under: its normalized form (習近平 and 习近平, 規劃 and 规划 are one). */
  private key(name: string): string {
    this.normalizer ??= createNormalizer();
    return this.normalizer.normalize(name);
  }

  addFile(file: string): void {
    this.files.push(file);
  }

  addError(): void {
    this.errors++;
  }

  add(doc: Doc): void {
    const n = this.documents++;
    this.characters += doc.text.length;
    for (const entity of doc.entities ?? []) {
      this.labels[entity.label] = (this.labels[entity.label] ?? 0) + 1;
      // A short reference (张 of 张书记) counts for the person it refers to.
      if (entity.label === 'PERSON') this.people.add(this.key(spanText(entity.refersTo) ?? entity.text), n);
      else if (entity.label === 'ORG')
        this.organizations.add(this.key(String(entity.name ?? entity.text)), n);
      else if (entity.label === 'LOC') this.addPlace(entity, n);
      else if (entity.label === 'POLICY') {
        const extra = this.policy.add(this.key(String(entity.term ?? entity.text)), n);
        if (typeof entity.type === 'string') extra.type ??= entity.type;
      }
    }
    for (const official of Array.isArray(doc.officials) ? doc.officials : []) {
      const person = official.person?.name ?? spanText(official.person);
      if (!person) continue;
      const mentions = Array.isArray(official.mentions) ? official.mentions.length : 1;
      const { positions } = this.officials.add(this.key(person), n, Math.max(1, mentions));
      for (const p of Array.isArray(official.positions) ? official.positions : []) {
        const office: PositionTally = { title: p.title.name, documents: 0 };
        if (p.organization) office.organization = p.organization.name;
        if (p.jurisdiction) office.jurisdiction = p.jurisdiction.name;
        if (p.country) office.country = p.country;
        if (p.former) office.former = true;
        const key = [
          office.title,
          office.organization,
          office.jurisdiction,
          office.country,
          office.former,
        ].join('|');
        const tally = positions.get(key) ?? { ...office, lastDoc: -1 };
        positions.set(key, tally);
        if (tally.lastDoc !== n) {
          tally.documents++;
          tally.lastDoc = n;
        }
      }
    }
    for (const keyword of doc.keywords ?? [])
      this.keywords.add(this.key(keyword.term), n, 1).weight += keyword.weight;
  }

  private addPlace(entity: Entity, doc: number): void {
    // Townships (9 digits) count for their county's city and province.
    const code =
      typeof entity.code === 'string' && /^\d{6}(\d{3})?$/.test(entity.code)
        ? entity.code.slice(0, 6)
        : undefined;
    if (!code) {
      this.unresolved.add(this.key(entity.text), doc);
      return;
    }
    this.divisions ??= loadDivisions();
    const province = `${code.slice(0, 2)}0000`;
    this.provinces.add(province, doc);
    const city = `${code.slice(0, 4)}00`;
    if (city !== province && this.divisions.has(city)) this.cities.add(city, doc);
  }

  build(options: ReportOptions = {}): CorpusReport {
    const top = options.top ?? 30;
    const name = (code: string) => this.divisions?.get(code)?.name ?? code;
    const plain = ({ name, count, documents }: Tally) => ({ name, count, documents });
    return {
      files: this.files,
      documents: this.documents,
      errors: this.errors,
      characters: this.characters,
      officials: this.officials.top(top).map((item) => ({
        ...plain(item),
        positions: [...item.extra.positions.values()]
          .sort((a, b) => b.documents - a.documents)
          .map(({ lastDoc: _, ...office }) => office),
      })),
      people: this.people.top(top).map(plain),
      organizations: this.organizations.top(top).map(plain),
      places: {
        provinces: this.provinces
          .top(top)
          .map((item) => ({ ...plain(item), code: item.name, name: name(item.name) })),
        cities: this.cities.top(top).map((item) => ({
          ...plain(item),
          code: item.name,
          name: name(item.name),
          province: name(`${item.name.slice(0, 2)}0000`),
        })),
        unresolved: this.unresolved.top(top).map(plain),
      },
      policyTerms: this.policy.top(top).map((item) => ({
        ...plain(item),
        ...(item.extra.type ? { type: item.extra.type } : {}),
      })),
      keywords: this.keywords
        .top(top, 'documents')
        .map((item) => ({ ...plain(item), weight: Math.round(item.extra.weight * 1000) / 1000 })),
      labels: this.labels,
    };
  }
}

/** Builds a report from annotated JSONL files (zhtag records; error records are counted). */
export async function buildReport(files: string[], options: ReportOptions = {}): Promise<CorpusReport> {
  const builder = new ReportBuilder();
  for (const file of files) {
    builder.addFile(file);
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new ZhtagError('E_INPUT', `${file}:${lineNo}: invalid JSON (${(error as Error).message})`);
      }
      if (record.error !== undefined) builder.addError();
      else if (typeof record.text === 'string' && Array.isArray(record.entities)) builder.add(record as Doc);
      else
        throw new ZhtagError(
          'E_INPUT',
          `${file}:${lineNo}: not a zhtag record (needs "text" and "entities")`,
        );
    }
  }
  return builder.build(options);
}
