/**
 * `npm run bench:server`: load on the HTTP API, loopback only. Starts `zhtag serve` (the built CLI)
 * on 127.0.0.1 with an ephemeral port, sends 1 KB documents (cut from the sample article) to
 * POST /v1/annotate (or --endpoint) with autocannon, and prints req/s and latency for
 *   1. as many requests as it answers (10 connections),
 *   2. a fixed 200 req/s (target: p99 <= 50 ms, zero errors), twice: autocannon's `overallRate`
 *      (each connection sends its share of a second back to back, then waits: bursts), and a paced
 *      open loop (node:http, 16 keep-alive connections) that sends one request every 1/rate s; latencies are as measured (autocannon's
 *      coordinated-omission correction is off: with a rate it back-fills 1 ms steps and inflates p99),
 *   3. with --soak S, S seconds at 200 req/s, sampling the server's RSS (target: growth < 10%).
 *
 *   npm run bench:server [-- --duration 10] [--rate 200] [--workers N] [--soak 120] [--json]
 *                        [--endpoint annotate|segment|entities|keywords]  (segment: the HTTP and pool overhead)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NODE_FLAGS } from '../src/corpus/index.js';
import { packageRoot } from '../src/paths.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string' },
    soak: { type: 'string', default: '0' },
    endpoint: { type: 'string', default: 'annotate' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const rate = Number(values.rate);
const connections = Number(values.connections);
const soakSeconds = Number(values.soak);
const root = packageRoot();

/** Consecutive pieces of the sample article of about `bytes` UTF-8 bytes each (whole characters). */
function documents(bytes: number): string[] {
  const text = readFileSync(join(root, 'corpus', 'jiaozuo-interview-2023.txt'), 'utf8');
  const out: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char) > bytes) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  return out;
}

/** Starts the built CLI's server and resolves with its URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  // The node flags the `zhtag` command runs with (its shebang), so this measures what users run.
  const args = [
    ...NODE_FLAGS,
    join(root, 'dist', 'cli', 'zhtag.js'),
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
  ];
  if (values.workers) args.push('--workers', values.workers);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`zhtag serve exited with ${code} before listening`)));
  });
}

/** Resident set size of a process in MB (worker threads included: they share the process). */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

interface Phase {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Answers by HTTP status (paced phase only). */
  statuses?: Record<string, number>;
}

async function load(url: string, name: string, seconds: number, overallRate?: number): Promise<Phase> {
  const bodies = documents(1024).map((text, i) => JSON.stringify({ id: `doc-${i}`, text }));
  const result = await autocannon({
    url: `${url}/v1/${values.endpoint}`,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate, ignoreCoordinatedOmission: true } : {}),
    requests: bodies.map((body) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })),
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

// node:http with a small keep-alive pool: lighter on this shared CPU than fetch, and it does not
// open a connection per waiting request. Requests past the pool wait on the client, and count.
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

function post(target: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An open loop: one request every 1/rate s whatever the answers, latency from send to last byte. */
async function paced(url: string, name: string, seconds: number, perSecond: number): Promise<Phase> {
  const bodies = documents(1024).map((text, i) => JSON.stringify({ id: `doc-${i}`, text }));
  const target = new URL(`${url}/v1/${values.endpoint}`);
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const statuses: Record<string, number> = {};
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const wait = start + (sent * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    const body = bodies[sent % bodies.length] ?? '';
    sent++;
    const sentAt = performance.now();
    const request: Promise<void> = post(target, body)
      .then((status) => {
        if (status < 200 || status >= 300) non2xx++;
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(performance.now() - sentAt);
      })
      .catch(() => {
        errors++;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    name,
    requestsPerSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    requests: sent,
    errors,
    non2xx,
    timeouts: 0,
    statuses,
  };
}

const format = (phase: Phase) =>
  `${phase.name.padEnd(22)} ${phase.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  max ${phase.max} ms  requests ${phase.requests}  errors ${phase.errors}  non-2xx ${phase.non2xx}  timeouts ${phase.timeouts}${phase.statuses ? `  statuses ${JSON.stringify(phase.statuses)}` : ''}`;

const { child, url } = await startServer();
const pid = child.pid ?? 0;
try {
  const sizes = documents(1024).map((text) => Buffer.byteLength(text));
  console.log(
    `server ${url} (pid ${pid}); ${sizes.length} documents of ${Math.min(...sizes)}-${Math.max(...sizes)} bytes`,
  );
  await load(url, 'warm-up', 3);
  const phases = [
    await load(url, `max (${connections} conn)`, duration),
    await load(url, `autocannon ${rate} req/s`, duration, rate),
    await paced(url, `paced ${rate} req/s`, duration, rate),
  ];
  for (const phase of phases) console.log(format(phase));
  let soak:
    | { seconds: number; rssStartMb: number; rssEndMb: number; growthPercent: number; samples: number[] }
    | undefined;
  if (soakSeconds > 0) {
    const samples = [rssMb(pid)];
    const sampler = setInterval(() => samples.push(rssMb(pid)), 10_000);
    const phase = await load(url, `soak ${rate} req/s ${soakSeconds}s`, soakSeconds, rate);
    clearInterval(sampler);
    samples.push(rssMb(pid));
    const [start = 0, end = 0] = [samples[0], samples[samples.length - 1]];
    soak = {
      seconds: soakSeconds,
      rssStartMb: start,
      rssEndMb: end,
      growthPercent: ((end - start) / start) * 100,
      samples,
    };
    phases.push(phase);
    console.log(format(phase));
    console.log(
      `soak RSS: ${start.toFixed(1)} MB -> ${end.toFixed(1)} MB (${soak.growthPercent.toFixed(1)}%); samples every 10 s: ${samples.map((mb) => mb.toFixed(0)).join(' ')}`,
    );
  }
  if (values.json) console.log(JSON.stringify({ url, phases, soak }));
} finally {
  agent.destroy();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
