import type { Argv } from 'yargs';
import { cleanText, readDocuments } from '../../src/corpus/index.js';
import { cliMessage, openOutput } from '../common.js';

/** `zhtag clean`: one JSONL record per document with the clean text (and the map back, on request). */
export function registerClean<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'clean [files..]',
    'Remove duplicated paragraphs, boilerplate lines (免责声明, 责任编辑, share buttons, runs of |) and extra whitespace',
    (yargs) =>
      yargs
        .positional('files', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe:
            'Files, directories, globs (.txt = one document, .jsonl = one per line); - or none = stdin',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'Write JSONL here instead of stdout' })
        .option('input-format', { choices: ['text', 'jsonl'] as const, default: 'text' as const })
        .option('encoding', {
          type: 'string',
          default: 'auto',
          describe: 'auto (UTF-8, else GB18030) or a name',
        })
        .option('keep-original', {
          type: 'boolean',
          default: false,
          describe: 'Add original {text, offsets}: offsets = [cleanStart, originalStart, length] runs',
        })
        .option('text', { type: 'boolean', default: false, describe: 'Write the clean text only (no JSON)' })
        .example('$0 clean corpus/jiaozuo-interview-2023.txt --text', 'The sample article, cleaned')
        .example('$0 clean scraped/ -o clean.jsonl --keep-original', 'A directory, with offset maps'),
    async (args) => {
      const out = openOutput(args.output, args.files as string[]);
      let failed = 0;
      const options = {
        inputFormat: args.inputFormat as 'text' | 'jsonl',
        encoding: args.encoding as string,
      };
      for await (const record of readDocuments(args.files as string[], options)) {
        if (record.kind === 'error') {
          failed++;
          process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
          if (!args.text) await out.write(JSON.stringify({ id: record.id, error: record.error }));
          continue;
        }
        const cleaned = cleanText(record.text);
        if (args.text) {
          await out.write(cleaned.text);
          continue;
        }
        const value: Record<string, unknown> = { id: record.id, text: cleaned.text, ...record.extra };
        value.cleaning = cleaned.removed;
        if (args.keepOriginal) value.original = { text: record.text, offsets: cleaned.segments };
        await out.write(JSON.stringify(value));
      }
      await out.close();
      if (failed > 0) process.exitCode = 1;
    },
  );
}
