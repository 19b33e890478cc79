import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { createServer } from '../../src/server/index.js';
import { jsonLines, zhtag } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-empty-'));
const EMPTY = { tokens: [], entities: [], keywords: [] };

describe('an empty or blank text is a document with no tokens, everywhere', () => {
  it('in the CLI (exit 0), the library and the server alike', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const jsonl = join(dir, 'blank.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'b', text: ' \n ' })}\n`);
    const cli = zhtag(['annotate', file, jsonl, '-q', '--jobs', '1', '--no-ner']);
    expect(cli.code).toBe(0);
    expect(jsonLines(cli.stdout)).toEqual([
      { id: file, text: '', ...EMPTY },
      { id: 'b', text: ' \n ', ...EMPTY },
    ]);
    const pipeline = createPipeline({ ner: false });
    expect(pipeline.annotate({ id: 'b', text: ' \n ' })).toEqual({ id: 'b', text: ' \n ', ...EMPTY });
    const app = await createServer({ workers: 1, pipeline: { ner: false } });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${base}/v1/annotate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'b', text: ' \n ' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: 'b', text: ' \n ', ...EMPTY });
    } finally {
      await app.close();
    }
  });
});
