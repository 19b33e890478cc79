import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/index.js';
import { expectDoc, ROOT } from '../helpers.js';

// `zhtag serve` from the built binary: the token from the environment, and SIGTERM mid-request.
const BIN = join(ROOT, 'dist', 'cli', 'zhtag.js');
const tmp = mkdtempSync(join(tmpdir(), 'zhtag-serve-'));
const userDict = join(tmp, 'user.tsv');
let child: ChildProcess | undefined;

function serve(extra: string[] = []): Promise<string> {
  const args = [BIN, 'serve', '--port', '0', '--workers', '1', '--user-dict', userDict, ...extra];
  child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ZHTAG_TOKEN: 'from-env' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child?.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

describe('zhtag serve', () => {
  it('binds loopback, takes the token from ZHTAG_TOKEN, and finishes requests in flight on SIGTERM', async () => {
    const url = await serve();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect((await post('/v1/dictionaries/terms', { term: '政企联络员' })).status).toBe(401);
    const added = await post(
      '/v1/dictionaries/terms',
      { term: '政企联络员' },
      { authorization: 'Bearer from-env' },
    );
    expect(added.status).toBe(201);
    expect(readFileSync(userDict, 'utf8')).toContain('\n政企联络员\t');

    const text = '建立政企联络员制度，锚定“两个确保”。'.repeat(3_000);
    const inFlight = post('/v1/annotate', { text });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Doc;
    expect(doc.text).toBe(text);
    expectDoc(doc);
    expect(doc.entities.filter((entity) => entity.term === '政企联络员')).toHaveLength(3_000);
    expect(await exited).toBe(0);
  });

  it('predicts in the guidelines --convention names', async () => {
    const url = await serve(['--convention', 'bio']);
    const response = await fetch(`${url}/v1/annotate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '中国政府和印度政府举行会谈。' }),
    });
    const doc = (await response.json()) as Doc;
    expectDoc(doc);
    const names = doc.entities.map((e) => `${e.label}:${e.text}`);
    expect(names).toEqual(expect.arrayContaining(['LOC:中国', 'LOC:印度']));
    expect(names).not.toContain('ORG:中国政府');
    child?.kill('SIGTERM');
  });
});
