import type { Argv } from 'yargs';
import { ENTITY_GUIDELINES, type EntityGuidelines } from '../../src/entities/guidelines.js';
import { ZhtagError } from '../../src/errors.js';
import { createServer } from '../../src/server/index.js';
import { exitOnError, type PipelineArgs, withPipelineOptions } from '../common.js';

interface ServeArgs extends PipelineArgs {
  port: number;
  host: string;
  workers?: number;
  token?: string;
  userDict?: string;
  bodyLimit: number;
  timeout: number;
  log: boolean;
  watch: boolean;
  guidelines: EntityGuidelines;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function registerServe<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'serve',
    'Start the HTTP tagging API (POST /v1/annotate, ...; docs at /docs)',
    (yargs) =>
      withPipelineOptions(yargs)
        .option('port', { type: 'number', default: 8080, describe: 'Port (0 = any free port)' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface to bind' })
        .option('workers', { type: 'number', describe: 'Worker threads (default: one per CPU)' })
        .option('token', {
          type: 'string',
          describe: 'Bearer token for the mutating endpoints (default: env ZHTAG_TOKEN)',
        })
        .option('user-dict', {
          type: 'string',
          describe: 'TSV file that runtime terms are written to, loaded at start (created when missing)',
        })
        .option('body-limit', { type: 'number', default: 5 * 1024 * 1024, describe: 'Largest body in bytes' })
        .option('timeout', { type: 'number', default: 30_000, describe: 'Per-request time limit in ms' })
        .option('log', { type: 'boolean', default: false, describe: 'Log every request (JSON lines)' })
        .option('guidelines', {
          alias: 'convention',
          choices: ENTITY_GUIDELINES,
          default: 'zhtag' as const,
          describe: 'Entity guidelines, as `zhtag annotate --guidelines`',
        })
        .option('watch', {
          type: 'boolean',
          default: false,
          describe: 'Reload the workers when a dictionary file changes (else: POST /v1/dictionaries/reload)',
        })
        .example('$0 serve --port 8080 --user-dict my-terms.tsv', 'Serve on 127.0.0.1:8080')
        .example(
          'ZHTAG_TOKEN=secret $0 serve --workers 2',
          'Term changes need "Authorization: Bearer secret"',
        ),
    async (argv) => {
      const args = argv as unknown as ServeArgs;
      const token = args.token ?? process.env.ZHTAG_TOKEN;
      if (!LOOPBACK.has(args.host) && !token) {
        process.stderr.write(
          'zhtag: warning: listening beyond loopback with no --token: anyone can change terms\n',
        );
      }
      const app = await createServer({
        pipeline: {
          dicts: args.dict,
          engine: args.engine,
          guidelines: args.guidelines,
        },
        ...(args.workers !== undefined ? { workers: args.workers } : {}),
        ...(token ? { token } : {}),
        ...(args.userDict !== undefined ? { userDict: args.userDict } : {}),
        bodyLimit: args.bodyLimit,
        timeoutMs: args.timeout,
        logger: args.log,
        watch: args.watch,
      }).catch(exitOnError);
      // SIGTERM/SIGINT: stop accepting, finish the requests in flight, stop the workers, exit.
      const stop = (signal: string) => {
        process.stderr.write(`zhtag: ${signal}: finishing requests in flight\n`);
        app.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      let address: string;
      try {
        address = await app.listen({ port: args.port, host: args.host });
      } catch (error) {
        // A port in use or not ours to take is a usage error: one line, exit 2, the workers stopped.
        const { code, message } = error as NodeJS.ErrnoException;
        const reason =
          code === 'EADDRINUSE'
            ? `port ${args.port} on ${args.host} is in use; choose another with --port`
            : code === 'EACCES'
              ? `no permission to listen on port ${args.port} (ports below 1024 need privileges)`
              : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
                ? `cannot listen on host ${args.host}: no such address here`
                : message;
        await app.close().catch(() => undefined);
        return exitOnError(new ZhtagError('E_USAGE', reason));
      }
      process.stdout.write(`zhtag: listening on ${address}\n`);
    },
  );
}
