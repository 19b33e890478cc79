import { createHash, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { dictionaryFiles, loadDictionarySet } from '../dictionary/edit.js';
import { watchDictionaries } from '../dictionary/watch.js';
import { isZhtagError, ZhtagError, zhtagError } from '../errors.js';
import type { PipelineOptions } from '../pipeline.js';
import { TaggerPool } from './pool.js';
import type { WorkerData, WorkerTask } from './protocol.js';
import { type DocumentsBody, describeValidation, documentsBody, termBody, termParams } from './schemas.js';
import { type TermInput, UserDictionary } from './user-dict.js';

/** Options of `createServer`. */
export interface ServerOptions {
  /** How each worker builds its pipeline (plain data: it is copied to every worker thread). */
  pipeline?: PipelineOptions;
  /** TSV file that runtime terms are written to and loaded from at start (created when missing). */
  userDict?: string;
  /**
   * Worker threads, each with its own pipeline. Default: one per CPU; tagging dominates the cost of a
   * request, and the main thread's share (parsing, routing) fits beside it.
   */
  workers?: number;
  /** When set, mutating endpoints need `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body in bytes (default 5 MiB); larger bodies get 413. */
  bodyLimit?: number;
  /** Per-request time limit for the tagging work in ms (default 30 s); past it: 504. */
  timeoutMs?: number;
  /** Requests allowed to wait for a worker (default 1024); past it: 503. */
  maxQueue?: number;
  /** Fastify's request log (pino) to stdout. Default false. */
  logger?: boolean;
  /**
   * Watch the dictionary files (manifest layers and `--dict` files) and reload the workers when one
   * changes. `POST /v1/dictionaries/reload` does the same on request, and also re-reads `userDict`.
   */
  watch?: boolean;
}

/** Answers `{"error": {"code", "message"}}` with the status of the code (`ERRORS` in errors.ts). */
const sendError = (reply: FastifyReply, error: ZhtagError, status = error.status) =>
  reply
    .code(status)
    .type('application/json')
    .send({ error: { code: error.code, message: error.message } });

function answer(error: FastifyError | Error, reply: FastifyReply, bodyLimit: number): FastifyReply {
  if (isZhtagError(error)) {
    if (error.status >= 500) reply.log.error(error);
    return sendError(reply, error);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const context = fastifyError.validationContext ?? 'body';
    return sendError(reply, new ZhtagError('E_INPUT', describeValidation(fastifyError.validation, context)));
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, zhtagError('E_TOO_LARGE', bodyLimit));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendError(reply, zhtagError('E_JSON', fastifyError.message));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, zhtagError('E_JSON', 'the body is empty; send a JSON object'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, zhtagError('E_MEDIA_TYPE'));
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return sendError(reply, new ZhtagError('E_REQUEST', fastifyError.message), status);
  reply.log.error(error);
  return sendError(reply, zhtagError('E_INTERNAL', 'see the server log'));
}

/** Compares digests, so the check takes the same time whatever the token given. */
function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The single and batch forms of a documents body, as one task. */
function documentsTask(
  kind: 'annotate' | 'segment' | 'entities' | 'keywords',
  body: DocumentsBody,
): WorkerTask {
  if (body.documents !== undefined) {
    if (body.text !== undefined || body.id !== undefined) {
      throw new ZhtagError('E_INPUT', 'give either "text" (one document) or "documents" (a batch), not both');
    }
    return { kind, batch: true, documents: body.documents };
  }
  if (body.text === undefined) {
    throw new ZhtagError('E_INPUT', 'field "text" is required (or "documents" for a batch)');
  }
  return {
    kind,
    batch: false,
    documents: [{ ...(body.id !== undefined ? { id: body.id } : {}), text: body.text }],
  };
}

/**
 * Builds the HTTP tagging API over the library: a fastify app whose tagging work runs in a pool of
 * worker threads. Call `listen()` on the result; `close()` finishes requests in flight, then stops the pool.
 */
export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? 5 * 1024 * 1024;
  const token = options.token || undefined;
  const userDict = UserDictionary.open(options.userDict);
  const workerData = (): WorkerData => ({
    pipeline: options.pipeline ?? {},
    userDict: { content: userDict.text, displayPath: userDict.displayPath, header: userDict.header },
  });
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // Wrong types are errors, never coerced; unknown fields are errors, never dropped silently.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const pool = await TaggerPool.start(
    {
      workers: options.workers ?? Math.max(1, availableParallelism()),
      maxQueue: options.maxQueue ?? 1024,
      timeoutMs: options.timeoutMs ?? 30_000,
      onWorkerError: (error) => app.log.error({ err: error }, 'worker failed; it is replaced'),
    },
    workerData(),
  );

  // Closing: responses still in flight end their connection, or an idle keep-alive socket would
  // hold the close until its timeout. The pool stops after the last request.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => pool.close());
  app.setErrorHandler((error, _request, reply) => answer(error as FastifyError, reply, bodyLimit));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new ZhtagError('E_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );

  await app.register(swagger, {
    openapi: {
      info: { title: 'zhtag tagging API', version: '1', description: 'Annotate Chinese political news' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const requireToken = async (request: FastifyRequest) => {
    if (token === undefined) return;
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given || !tokenMatches(given, token)) {
      throw zhtagError('E_UNAUTHORIZED');
    }
  };
  const sendJson = (reply: FastifyReply, json: string) => reply.type('application/json').send(json);

  // Dictionary changes run one at a time, so the file and the workers never take two at once.
  let mutations: Promise<unknown> = Promise.resolve();
  const serialized = <T>(change: () => Promise<T>): Promise<T> => {
    const result = mutations.then(change);
    mutations = result.catch(() => undefined);
    return result;
  };
  // A rewrite of the file (replace, remove) starts a new worker generation built from it.
  const rewriteUserDict = async (change: () => Promise<boolean>) => {
    const snapshot = userDict.snapshot();
    const result = await change();
    try {
      await pool.replace(workerData());
    } catch (error) {
      await userDict.restore(snapshot);
      throw error;
    }
    return result;
  };

  app.get('/healthz', { schema: { description: 'Liveness: answers while workers are busy' } }, async () => ({
    status: 'ok',
    ...pool.stats,
    userTerms: userDict.size,
  }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const tagging = [
    ['annotate', 'The Doc JSON of each document (tokens, entities, spans, keywords)'],
    ['segment', 'Tokens of each document: {id?, text, tokens}'],
    ['entities', 'The Doc without tokens and keywords: {id?, text, entities, spans?, ...}'],
    ['keywords', 'Keywords of each document: {id?, keywords}, from the same Doc'],
  ] as const;
  for (const [kind, description] of tagging) {
    app.post<{ Body: DocumentsBody }>(
      `/v1/${kind}`,
      { schema: { description: `${description}. A batch answers {documents: [...]}.`, body: documentsBody } },
      async (request, reply) => sendJson(reply, await pool.run(documentsTask(kind, request.body))),
    );
  }

  app.get(
    '/v1/dictionaries',
    { schema: { description: 'Loaded layers, files and entry counts' } },
    async (_r, reply) => sendJson(reply, await pool.run({ kind: 'dictionaries' })),
  );

  app.post<{ Body: TermInput }>(
    '/v1/dictionaries/terms',
    {
      onRequest: requireToken,
      schema: {
        description: 'Add (or replace) a user-dictionary term; the next request sees it',
        body: termBody,
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const fields = userDict.validate(request.body);
      const replaced = await serialized(async () => {
        const { conflict } = JSON.parse(await pool.run({ kind: 'check-term', fields })) as {
          conflict: string | null;
        };
        if (conflict) throw new ZhtagError('E_DICT_CONFLICT', conflict);
        // A new term is one appended line that every later task carries; no worker is rebuilt.
        const appended = pool.canAppend ? await userDict.append(fields) : undefined;
        if (appended) pool.append(appended);
        return appended ? false : rewriteUserDict(() => userDict.put(fields));
      });
      return reply.code(replaced ? 200 : 201).send({
        term: fields,
        replaced,
        file: options.userDict ?? null,
        persisted: options.userDict !== undefined,
      });
    },
  );

  // Reload: every worker re-reads the dictionary files. A file that fails to load answers 400 and
  // the workers that were running keep serving.
  const reloadDictionaries = () =>
    serialized(async () => {
      const previous = userDict.reread();
      try {
        await pool.replace(workerData());
      } catch (error) {
        userDict.adopt(previous);
        throw error;
      }
      return { reloaded: true, userTerms: userDict.size };
    });
  app.post(
    '/v1/dictionaries/reload',
    {
      onRequest: requireToken,
      schema: {
        description: 'Re-read every dictionary file; the next request sees the changes',
        security: [{ bearer: [] }],
      },
    },
    async () => reloadDictionaries(),
  );
  if (options.watch) {
    const set = { manifest: options.pipeline?.manifest ?? undefined, dicts: options.pipeline?.dicts ?? [] };
    // The user dictionary is left out: the server writes it itself (edits from outside: POST reload).
    const files = dictionaryFiles(set).map((file) => file.path);
    const watcher = watchDictionaries(
      () => loadDictionarySet(set),
      files,
      () => {
        reloadDictionaries().then(
          () => app.log.info('dictionaries reloaded'),
          (error: unknown) =>
            app.log.error({ err: error }, 'dictionary reload failed; the previous ones stay'),
        );
      },
      {
        onError: (error) =>
          app.log.error({ err: error }, 'dictionary file does not load; the previous ones stay'),
      },
    );
    app.addHook('onClose', async () => watcher.close());
  }

  app.delete<{ Params: { term: string } }>(
    '/v1/dictionaries/terms/:term',
    {
      onRequest: requireToken,
      schema: {
        description: 'Remove a term from the user dictionary; the next request no longer sees it',
        params: termParams,
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { term } = request.params;
      const removed = await serialized(async () =>
        userDict.has(term) ? rewriteUserDict(() => userDict.delete(term)) : false,
      );
      if (!removed) {
        throw new ZhtagError('E_NOT_FOUND', `term "${term}" is not in the user dictionary`);
      }
      return {
        term,
        removed: true,
        file: options.userDict ?? null,
        persisted: options.userDict !== undefined,
      };
    },
  );

  return app;
}
