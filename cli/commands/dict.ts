import type { Argv } from 'yargs';
import { checkDictionaries } from '../../src/index.js';

export function registerDict<T>(cli: Argv<T>): Argv<T> {
  return cli.command('dict <command>', 'Work with dictionaries', (yargs) =>
    yargs
      .command(
        'check [files..]',
        'Validate dictionary files: format errors (file:line), duplicates, conflicts',
        (y) =>
          y
            .positional('files', {
              type: 'string',
              array: true,
              default: [] as string[],
              describe:
                'Files to check, as user dictionaries over the shipped ones (none: check the shipped ones)',
            })
            .example('$0 dict check my-terms.tsv', 'Check a user dictionary')
            .example('$0 dict check', 'Check the shipped dictionaries'),
        (args) => {
          const report = checkDictionaries(args.files as string[]);
          for (const line of report.lines) process.stdout.write(`${line}\n`);
          process.stdout.write(`${report.summary}\n`);
          if (!report.ok) process.exitCode = 1;
        },
      )
      .demandCommand(1, 'Choose a dict command.'),
  );
}
