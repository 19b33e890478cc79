import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';

// Servers of their own: a tiny time limit, and one that is shut down mid-request.
const annotate = (base: string, text: string) =>
  fetch(`${base}/v1/annotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });

describe('time limit and shutdown', () => {
  it('answers 504 past the time limit, then keeps serving', async () => {
    const app = await createServer({ pipeline: { manifest: false, ner: false }, workers: 1, timeoutMs: 150 });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const response = await annotate(base, '推进高质量发展，锚定两个确保。'.repeat(60_000));
      expect(response.status).toBe(504);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('E_TIMEOUT');
      // The stopped worker is replaced; until its pipeline is built a request may still time out.
      let status = 0;
      for (let attempt = 0; attempt < 80 && status !== 200; attempt++) {
        status = (await annotate(base, '锚定两个确保')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the queue is full, and serves the rest', async () => {
    const app = await createServer({ pipeline: { manifest: false, ner: false }, workers: 1, maxQueue: 1 });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const text = '锚定两个确保。'.repeat(4_000);
      const statuses = (await Promise.all(Array.from({ length: 5 }, () => annotate(base, text)))).map(
        (response) => response.status,
      );
      expect(statuses).toContain(503);
      expect(statuses).toContain(200);
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('finishes a request in flight when closing, then refuses connections', async () => {
    const app = await createServer({ pipeline: { manifest: false, ner: false }, workers: 1 });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // About a second of work, and close once it has surely reached the server.
    const inFlight = annotate(base, '锚定两个确保。'.repeat(12_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closing = app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toHaveLength(84_000);
    await closing;
    await expect(annotate(base, 'x')).rejects.toThrow();
  });
});
