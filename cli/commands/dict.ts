import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { readDocuments } from '../../src/corpus/index.js';
import {
  addTerm,
  checkDictionariesWithForcing,
  type DictionarySet,
  dictionaryStats,
  importCandidates,
  listTerms,
  loadDictionarySet,
  removeTerm,
  type TermFields,
} from '../../src/dictionary/index.js';
import { candidatesToTsv, type DiscoverDocument, discoverTerms } from '../../src/discover/index.js';
import { createPipeline } from '../../src/index.js';
import { cliMessage, exitOnError } from '../common.js';

/** Default file of `dict add` and `dict import`: a user dictionary in the current folder. */
const DEFAULT_FILE = 'user-terms.tsv';

interface SetArgs {
  manifest?: string;
  dict: string[];
}

function withSet<T>(yargs: Argv<T>) {
  return yargs
    .option('manifest', {
      type: 'string',
      describe: 'Manifest of the base dictionaries (default: the shipped dictionaries/manifest.json)',
    })
    .option('dict', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'User dictionary files loaded on top; repeatable',
    });
}

const setOf = (args: SetArgs): DictionarySet => {
  const set: DictionarySet = { dicts: args.dict };
  if (args.manifest !== undefined) set.manifest = args.manifest;
  return set;
};

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Runs a command body and turns library errors into `zhtag: CODE message` with exit code 2. */
function guarded<A>(body: (args: A) => void | Promise<void>) {
  return async (args: A) => {
    try {
      await body(args);
    } catch (error) {
      exitOnError(error);
    }
  };
}

export function registerDict<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'dict <command>',
    'Work with dictionaries: check, add, remove, list, stats, import, discover',
    (yargs) =>
      yargs
        .command(
          'check [files..]',
          'Validate dictionary files: format errors (file:line), duplicates, conflicts, terms that need forcing',
          (y) =>
            y
              .positional('files', {
                type: 'string',
                array: true,
                default: [] as string[],
                describe:
                  'Files to check, as user dictionaries over the shipped ones (none: check the shipped ones)',
              })
              .option('manifest', { type: 'string', describe: 'Manifest of the base dictionaries' })
              .example('$0 dict check my-terms.tsv', 'Check a user dictionary')
              .example('$0 dict check', 'Check the shipped dictionaries'),
          guarded((args) => {
            const options: { manifest?: string } = {};
            if (args.manifest !== undefined) options.manifest = args.manifest;
            const report = checkDictionariesWithForcing(args.files as string[], options);
            for (const line of report.lines) print(line);
            print(report.summary);
            if (!report.ok) process.exitCode = 1;
          }),
        )
        .command(
          'add <term>',
          'Add a term to a dictionary file (checked by the loader before it is written)',
          (y) =>
            withSet(y)
              .positional('term', { type: 'string', demandOption: true })
              .option('type', { type: 'string', describe: 'strategy, slogan, program, campaign, ...' })
              .option('level', { type: 'string', describe: 'national, provincial, municipal, county' })
              .option('region', { type: 'string', describe: 'Issuing or covered region, e.g. 焦作市' })
              .option('alias', {
                type: 'string',
                array: true,
                default: [] as string[],
                describe: 'Repeatable',
              })
              .option('gloss', { type: 'string', describe: 'Short English gloss' })
              .option('source', { type: 'string', describe: 'Where the term comes from' })
              .option('file', {
                type: 'string',
                default: DEFAULT_FILE,
                describe: 'Dictionary file to add to',
              })
              .example(
                '$0 dict add 添翼计划 --type program --level municipal --region 焦作市',
                'Add a program',
              ),
          guarded((args) => {
            const fields: TermFields = { term: args.term as string };
            if (args.type !== undefined) fields.type = args.type;
            if (args.level !== undefined) fields.level = args.level;
            if (args.region !== undefined) fields.region = args.region;
            if (args.alias.length > 0) fields.aliases = args.alias;
            if (args.gloss !== undefined) fields.gloss = args.gloss;
            if (args.source !== undefined) fields.source = args.source;
            const result = addTerm(args.file, fields, setOf(args));
            for (const note of result.notes) print(`info: ${note}`);
            print(
              `added "${fields.term}" to ${result.file}:${result.lines[0]}${result.created ? ' (new file)' : ''}`,
            );
          }),
        )
        .command(
          'remove <term>',
          'Remove a term from a dictionary file (--file), or from the --dict files that list it',
          (y) =>
            withSet(y).positional('term', { type: 'string', demandOption: true }).option('file', {
              type: 'string',
              describe:
                'The file to edit (default: the --dict files; a shipped dictionary only when named here)',
            }),
          guarded((args) => {
            const options: DictionarySet & { file?: string } = setOf(args);
            if (args.file !== undefined) options.file = args.file;
            for (const result of removeTerm(args.term as string, options)) {
              print(`removed "${args.term}" from ${result.file} (line ${result.lines.join(', ')})`);
            }
          }),
        )
        .command(
          'list',
          'List dictionary entries as TSV: term, type, level, region, label, file:line',
          (y) =>
            withSet(y).option('type', { type: 'string', describe: 'Only this type' }).option('grep', {
              type: 'string',
              describe: 'Only entries whose term, alias or gloss contains this',
            }),
          guarded((args) => {
            const filter: { type?: string; grep?: string } = {};
            if (args.type !== undefined) filter.type = args.type;
            if (args.grep !== undefined) filter.grep = args.grep;
            print(['term', 'type', 'level', 'region', 'label', 'source'].join('\t'));
            for (const e of listTerms(setOf(args), filter)) {
              print(
                [e.term, e.type, e.level ?? '', e.region ?? '', e.label, `${e.file}:${e.line}`].join('\t'),
              );
            }
          }),
        )
        .command(
          'stats',
          'Count entries by file, layer, label, type and level',
          (y) => withSet(y).option('json', { type: 'boolean', default: false }),
          guarded((args) => {
            const stats = dictionaryStats(setOf(args));
            if (args.json) {
              print(JSON.stringify(stats));
              return;
            }
            print(`entries: ${stats.entries}, forms: ${stats.forms}`);
            for (const [title, table] of Object.entries({
              file: stats.byFile,
              layer: stats.byLayer,
              label: stats.byLabel,
              'policy type': stats.byType,
              'policy level': stats.byLevel,
              diagnostics: stats.diagnostics,
            })) {
              const cells = Object.entries(table).map(([key, n]) => `${key} ${n}`);
              print(`${title}: ${cells.join(', ') || '-'}`);
            }
          }),
        )
        .command(
          'import <candidates>',
          'Append reviewed candidates (dict discover output) to a dictionary file',
          (y) =>
            withSet(y)
              .positional('candidates', { type: 'string', demandOption: true })
              .option('file', {
                type: 'string',
                default: DEFAULT_FILE,
                describe: 'Dictionary file to append to',
              })
              .option('level', { type: 'string', describe: 'Level for rows that give none' })
              .option('region', { type: 'string', describe: 'Region for rows that give none' })
              .option('source', { type: 'string', describe: 'Source for rows that give none' }),
          guarded((args) => {
            const options = { ...setOf(args), ...definedOnly(args) };
            const result = importCandidates(args.candidates as string, args.file, options);
            for (const note of result.notes) print(`info: ${note}`);
            if (result.skipped.length > 0) print(`skipped (known or repeated): ${result.skipped.join(' ')}`);
            print(`imported ${result.lines.length} terms into ${result.file}`);
          }),
        )
        .command(
          'discover <files..>',
          'Propose new policy terms from a corpus, ranked, as TSV (term, score, count, df, type, examples, ...)',
          (y) =>
            withSet(y)
              .positional('files', {
                type: 'string',
                array: true,
                demandOption: true,
                describe: '.txt = one document, .jsonl = one {"id","text"} per line',
              })
              .option('top', { type: 'number', default: 100, describe: 'How many candidates' })
              .option('include-known', {
                type: 'boolean',
                default: false,
                describe: 'Keep known terms (column known)',
              })
              .option('min-count', {
                type: 'number',
                describe: 'Fewest occurrences (default: 2 under 50,000 characters of text, else 3)',
              })
              .option('output', {
                alias: 'o',
                type: 'string',
                describe: 'Write the TSV here instead of stdout',
              }),
          guarded(async (args) => {
            const dictionary = loadDictionarySet(setOf(args));
            const documents: DiscoverDocument[] = [];
            for await (const record of readDocuments(args.files as string[])) {
              if (record.kind === 'error')
                process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
              else documents.push({ id: record.id, text: record.text });
            }
            // The entity stage on the same dictionaries: people, places and bodies are not proposed.
            const pipeline = createPipeline({
              keywords: false,
              dicts: args.dict,
              ...(args.manifest !== undefined ? { manifest: args.manifest } : {}),
            });
            const candidates = discoverTerms(documents, {
              top: args.top,
              includeKnown: args.includeKnown,
              ...(args.minCount !== undefined ? { minCount: args.minCount } : {}),
              dictionary,
              entities: (text) => pipeline.annotate(text).entities,
            });
            const tsv = candidatesToTsv(candidates, args.includeKnown);
            if (args.output) writeFileSync(args.output, tsv);
            else process.stdout.write(tsv);
          }),
        )
        .demandCommand(1, 'Choose a dict command.'),
  );
}

function definedOnly(args: { level?: string; region?: string; source?: string }) {
  const out: { level?: string; region?: string; source?: string } = {};
  if (args.level !== undefined) out.level = args.level;
  if (args.region !== undefined) out.region = args.region;
  if (args.source !== undefined) out.source = args.source;
  return out;
}
