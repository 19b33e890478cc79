import yargs, { type Argv } from 'yargs';
import { registerAnnotate, registerSegment } from './commands/annotate.js';
import { registerClean } from './commands/clean.js';
import { registerDict } from './commands/dict.js';
import { registerEval } from './commands/eval.js';
import { registerIdf } from './commands/idf.js';
import { registerKeywords } from './commands/keywords.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';

/** Builds the `zhtag` command line. Each command is a thin shell over the library in `src/index.ts`. */
export function createCli(argv: string[]): Argv {
  let cli = yargs(argv)
    .scriptName('zhtag')
    .usage('$0 <command> [options]\n\nAnnotate Chinese government and political news.')
    .strict()
    .demandCommand(1, 'Choose a command.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error, instance) => {
      if (error) throw error;
      process.stderr.write(`${instance.help()}\n\nzhtag: ${message}\n`);
      process.exit(2);
    });
  cli = registerAnnotate(cli);
  cli = registerSegment(cli);
  cli = registerDict(cli);
  cli = registerKeywords(cli);
  cli = registerIdf(cli);
  cli = registerClean(cli);
  cli = registerReport(cli);
  cli = registerServe(cli);
  cli = registerEval(cli);
  return cli;
}
