import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../src/errors.js';
import { createPipeline, type Doc, type Entity } from '../../src/index.js';
import { createServer } from '../../src/server/index.js';
import { expectDoc } from '../helpers.js';

// Runs the real server (worker threads from dist/: build first) on an ephemeral loopback port.
const tmp = mkdtempSync(join(tmpdir(), 'zhtag-server-'));
const dictFile = join(tmp, 'terms.tsv');
writeFileSync(dictFile, 'term\ttype\n两个确保\tslogan\n十大战略\tstrategy\n');
const userDict = join(tmp, 'user.tsv');
const TOKEN = 'test-token';
const BODY_LIMIT = 64 * 1024;
// Light pipelines: no shipped dictionaries, no NER model.
const pipelineOptions = { manifest: false as const, ner: false, dicts: [dictFile] };

type App = Awaited<ReturnType<typeof createServer>>;
let app: App;
let base: string;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const auth = { authorization: `Bearer ${TOKEN}` };
const errorOf = (body: Record<string, unknown>) => body.error as { code: string; message: string };
const policyTerms = (doc: { entities: Entity[] }) => doc.entities.map((entity) => entity.text);

beforeAll(async () => {
  app = await createServer({
    pipeline: pipelineOptions,
    workers: 2,
    token: TOKEN,
    userDict,
    bodyLimit: BODY_LIMIT,
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => app?.close());

describe('tagging endpoints', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', workers: 2 });
  });

  it('answers exactly the library Doc JSON', async () => {
    const text = '锚定“两个确保”，实施“十大战略”。';
    const { status, body } = await post('/v1/annotate', { id: 'a1', text });
    expect(status).toBe(200);
    const expected = createPipeline(pipelineOptions).annotate({ id: 'a1', text });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expectDoc(body as unknown as Doc);
    expect(policyTerms(body as unknown as Doc)).toEqual(['两个确保', '十大战略']);
  });

  it('annotates a batch in order, one record per document', async () => {
    const documents = [
      { id: 'x', text: '实施“十大战略”' },
      { id: 'y', text: '' },
      { id: 'z', text: '锚定两个确保😀' },
    ];
    const { status, body } = await post('/v1/annotate', { documents });
    expect(status).toBe(200);
    const docs = body.documents as Doc[];
    expect(docs.map((doc) => doc.id)).toEqual(['x', 'y', 'z']);
    for (const doc of docs) expectDoc(doc);
    expect(docs.map(policyTerms)).toEqual([['十大战略'], [], ['两个确保']]);
  });

  it('serves segment, entities and keywords as parts of the same Doc', async () => {
    const text = '锚定“两个确保”';
    const full = (await post('/v1/annotate', { id: 's', text })).body as unknown as Doc;
    const segment = await post('/v1/segment', { id: 's', text });
    expect(segment.body).toEqual({ id: 's', text, tokens: full.tokens });
    const entities = await post('/v1/entities', { id: 's', text });
    const { tokens: _tokens, keywords: _keywords, ...withoutTokensAndKeywords } = full;
    expect(entities.body).toEqual(withoutTokensAndKeywords);
    expect(entities.body.entities).toEqual(full.entities);
    const keywords = await post('/v1/keywords', { id: 's', text });
    expect(keywords.body).toEqual({ id: 's', keywords: full.keywords });
  });

  it('keeps concurrent requests apart and answers /healthz during a long batch', async () => {
    const longBatch = post('/v1/annotate', {
      documents: Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, text: '实施“十大战略”，'.repeat(60) })),
    });
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const texts = Array.from({ length: 24 }, (_, i) => `第${i}条：锚定“两个确保”${'，'.repeat(i)}`);
    const answers = await Promise.all(texts.map((text, i) => post('/v1/annotate', { id: String(i), text })));
    answers.forEach(({ status, body }, i) => {
      expect(status).toBe(200);
      expect(body.id).toBe(String(i));
      expect(body.text).toBe(texts[i]);
      expectDoc(body as unknown as Doc);
    });
    expect((await longBatch).status).toBe(200);
  });

  it('lists the dictionaries with counts', async () => {
    const response = await fetch(`${base}/v1/dictionaries`);
    const body = (await response.json()) as { layers: Array<{ name: string; files: unknown[] }> };
    expect(body.layers.find((layer) => layer.name === 'user')?.files).toContainEqual({
      file: dictFile,
      entries: 2,
    });
  });

  it('publishes OpenAPI and a docs page', async () => {
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/v1/annotate', '/v1/dictionaries/terms', '/v1/dictionaries/terms/{term}']),
    );
    expect((await fetch(`${base}/docs/`)).status).toBe(200);
  });
});

describe('bad input gets a 4xx naming the problem, and the server stays up', () => {
  it('rejects malformed JSON with 400', async () => {
    const { status, body } = await post('/v1/annotate', '{"text": "未完');
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('E_JSON');
  });

  it.each([
    [{ text: 42 }, 'field "text" must be string'],
    [{ documents: [{ id: 'a', text: null }] }, 'field "documents[0].text" must be string'],
    [{ documents: [{ id: 'a' }] }, 'field "documents[0].text" is required'],
    [{ documents: 'abc' }, 'field "documents" must be array'],
    [{ text: 'x', extra: 1 }, 'field "extra" is not allowed'],
    [{ text: 'x', options: { fast: true } }, 'field "options.fast" is not allowed'],
    [{ id: 3, text: 'x' }, 'field "id" must be string'],
    [{}, 'field "text" is required'],
    [[1, 2], 'body must be object'],
  ])('rejects %j', async (input, message) => {
    const { status, body } = await post('/v1/annotate', input);
    expect(status).toBe(400);
    expect(errorOf(body).message).toContain(message);
  });

  it('rejects a body over the limit with 413', async () => {
    const { status, body } = await post('/v1/annotate', { text: '字'.repeat(BODY_LIMIT) });
    expect(status).toBe(413);
    expect(errorOf(body).code).toBe('E_TOO_LARGE');
    expect((await post('/v1/segment', { text: '十大战略' })).status).toBe(200);
  });

  it('answers 404 for an unknown route', async () => {
    const response = await fetch(`${base}/v1/annotat`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(errorOf((await response.json()) as Record<string, unknown>).code).toBe('E_NOT_FOUND');
  });
});

describe('every error answer has the status of its code (ERRORS)', () => {
  it('answers bad requests of each kind with the status the error table gives their code', async () => {
    const requests: [string, RequestInit][] = [
      ['/v1/annotate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' }],
      ['/v1/annotate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }],
      ['/v1/annotate', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<t/>' }],
      [
        '/v1/annotate',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":1}' },
      ],
      ['/v1/annotate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
      [
        '/v1/annotate',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: '字'.repeat(BODY_LIMIT) }),
        },
      ],
      ['/v1/nowhere', { method: 'GET' }],
      [
        '/v1/dictionaries/terms',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"term":"x"}' },
      ],
      ['/v1/dictionaries/terms/%E6%97%A0%E6%AD%A4%E8%AF%8D', { method: 'DELETE', headers: auth }],
      [
        '/v1/dictionaries/terms',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ term: '#新词' }),
        },
      ],
    ];
    const seen = new Set<ErrorCode>();
    for (const [path, init] of requests) {
      const response = await fetch(`${base}${path}`, init);
      const { code, message } = errorOf((await response.json()) as Record<string, unknown>);
      expect(Object.keys(ERRORS), `${path}: ${code}`).toContain(code);
      expect(response.status, `${path}: ${code} ${message}`).toBe(ERRORS[code as ErrorCode].status);
      seen.add(code as ErrorCode);
    }
    expect([...seen].sort()).toEqual(
      [
        'E_DICT_PARSE',
        'E_INPUT',
        'E_JSON',
        'E_MEDIA_TYPE',
        'E_NOT_FOUND',
        'E_TOO_LARGE',
        'E_UNAUTHORIZED',
      ].sort(),
    );
  });
});

describe('runtime dictionary terms', () => {
  const text = '建立政企联络员制度';
  const hasTerm = (doc: Doc) => doc.entities.some((entity) => entity.text === '政企联络员');

  it('needs the bearer token to add or remove', async () => {
    const missing = await post('/v1/dictionaries/terms', { term: '政企联络员' });
    expect(missing.status).toBe(401);
    const wrong = await post(
      '/v1/dictionaries/terms',
      { term: '政企联络员' },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.status).toBe(401);
    const removal = await fetch(`${base}/v1/dictionaries/terms/x`, { method: 'DELETE' });
    expect(removal.status).toBe(401);
    expect(existsSync(userDict)).toBe(false);
  });

  it('validates a term like a dictionary line, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ term: '政企\t联络员' }, 'field term: term contains a tab'],
      [{ term: ' 政企联络员' }, 'field term: term has leading or trailing spaces'],
      [{ term: '政企联络员', aliases: ['a|b'] }, 'field aliases[0]: must not contain "|"'],
      [{ term: '政企联络员', aliases: ['政企联络员'] }, 'repeats the term'],
      [{ term: '政企联络员', type: 'gadget' }, 'field "type" must be one of'],
      [{ term: 7 }, 'field "term" must be string'],
    ];
    for (const [input, message] of cases) {
      const { status, body } = await post('/v1/dictionaries/terms', input, auth);
      expect(status, JSON.stringify(input)).toBe(400);
      expect(errorOf(body).message).toContain(message);
    }
  });

  it('applies an added term to the next request on every worker, and persists it', async () => {
    const before = await post('/v1/annotate', { text });
    expect(hasTerm(before.body as unknown as Doc)).toBe(false);

    const added = await post(
      '/v1/dictionaries/terms',
      {
        term: '政企联络员',
        type: 'mechanism',
        level: 'municipal',
        region: '焦作市',
        aliases: ['政企联络人'],
      },
      auth,
    );
    expect(added.status).toBe(201);
    expect(readFileSync(userDict, 'utf8')).toBe(
      'term\ttype\tlevel\tregion\taliases\tgloss\tsource\n政企联络员\tmechanism\tmunicipal\t焦作市\t政企联络人\t\t\n',
    );
    // Several at once, so both workers answer: each must see the term.
    const after = await Promise.all(Array.from({ length: 6 }, () => post('/v1/annotate', { text })));
    for (const { body } of after) {
      const doc = body as unknown as Doc;
      expectDoc(doc);
      expect(doc.entities.find((entity) => entity.text === '政企联络员')).toMatchObject({
        label: 'POLICY',
        type: 'mechanism',
        region: '焦作市',
        source: `${userDict}:2`,
      });
    }
  });

  it('replaces a term: a rewrite of the file that the next request sees', async () => {
    const replaced = await post('/v1/dictionaries/terms', { term: '政企联络员', type: 'program' }, auth);
    expect(replaced.status).toBe(200);
    expect(replaced.body.replaced).toBe(true);
    const after = await Promise.all(Array.from({ length: 4 }, () => post('/v1/annotate', { text })));
    for (const { body } of after) {
      const entity = (body as unknown as Doc).entities.find((candidate) => candidate.text === '政企联络员');
      expect(entity).toMatchObject({ type: 'program', source: `${userDict}:2` });
      expect(entity?.region).toBeUndefined();
    }
    expect(readFileSync(userDict, 'utf8')).toBe(
      'term\ttype\tlevel\tregion\taliases\tgloss\tsource\n政企联络员\tprogram\t\t\t\t\t\n',
    );
    await post('/v1/dictionaries/terms', { term: '政企联络员', aliases: ['政企联络人'] }, auth);
  });

  it('reloads dictionary files on POST /v1/dictionaries/reload, and keeps serving on a bad file', async () => {
    const sentence = '推进个转企、小升规';
    const termsOf = async () =>
      policyTerms((await post('/v1/annotate', { text: sentence })).body as unknown as Doc);
    expect(await termsOf()).toEqual([]);
    expect((await post('/v1/dictionaries/reload', {})).status).toBe(401);

    writeFileSync(
      dictFile,
      'term\ttype\n两个确保\tslogan\n十大战略\tstrategy\n个转企\tpolicy\n小升规\tpolicy\n',
    );
    const reloaded = await post('/v1/dictionaries/reload', {}, auth);
    expect(reloaded.status).toBe(200);
    expect(await termsOf()).toEqual(['个转企', '小升规']);

    writeFileSync(dictFile, 'term\ttype\n个转企\tpolicy\textra\n');
    const failed = await post('/v1/dictionaries/reload', {}, auth);
    expect(failed.status).toBe(400);
    expect(errorOf(failed.body)).toMatchObject({ code: 'E_DICT_PARSE' });
    expect(errorOf(failed.body).message).toContain(`${dictFile}:2`);
    expect(await termsOf()).toEqual(['个转企', '小升规']);

    writeFileSync(dictFile, 'term\ttype\n两个确保\tslogan\n十大战略\tstrategy\n');
    expect((await post('/v1/dictionaries/reload', {}, auth)).status).toBe(200);
    expect(await termsOf()).toEqual([]);
  });

  it('keeps added terms across a restart', async () => {
    const second = await createServer({ pipeline: pipelineOptions, workers: 1, userDict });
    try {
      const url = await second.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${url}/v1/entities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '政企联络人' }),
      });
      const doc = (await response.json()) as Doc;
      expect(doc.entities.map((entity) => entity.term)).toEqual(['政企联络员']);
    } finally {
      await second.close();
    }
  });

  it('removes a term: the next request no longer sees it', async () => {
    const path = `${base}/v1/dictionaries/terms/${encodeURIComponent('政企联络员')}`;
    const removed = await fetch(path, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(200);
    const after = await Promise.all(Array.from({ length: 4 }, () => post('/v1/annotate', { text })));
    for (const { body } of after) expect(hasTerm(body as unknown as Doc)).toBe(false);
    expect(readFileSync(userDict, 'utf8')).toBe('term\ttype\tlevel\tregion\taliases\tgloss\tsource\n');
    const again = await fetch(path, { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
  });

  it('never turns a term into a file path', async () => {
    const term = '../../escape';
    expect((await post('/v1/dictionaries/terms', { term }, auth)).status).toBe(201);
    expect(existsSync(join(tmp, '..', '..', 'escape'))).toBe(false);
    expect(readFileSync(userDict, 'utf8')).toContain(`\n${term}\t`);
    const removed = await fetch(`${base}/v1/dictionaries/terms/${encodeURIComponent(term)}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(removed.status).toBe(200);
  });
});

describe('hot reload with watch: true', () => {
  it('picks up an edited dictionary file without a request to reload', async () => {
    const watched = join(tmp, 'watched.tsv');
    writeFileSync(watched, 'term\ttype\n两个确保\tslogan\n');
    const server = await createServer({
      pipeline: { manifest: false, ner: false, dicts: [watched] },
      workers: 1,
      watch: true,
    });
    try {
      const url = await server.listen({ port: 0, host: '127.0.0.1' });
      const terms = async () => {
        const response = await fetch(`${url}/v1/entities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: '践行一线工作法' }),
        });
        return policyTerms((await response.json()) as Doc);
      };
      expect(await terms()).toEqual([]);
      writeFileSync(watched, 'term\ttype\n两个确保\tslogan\n一线工作法\tmechanism\n');
      // The watcher debounces and rebuilds the workers: poll for a bounded time.
      let seen: string[] = [];
      for (let attempt = 0; attempt < 100 && seen.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await terms();
      }
      expect(seen).toEqual(['一线工作法']);
    } finally {
      await server.close();
    }
  });
});
