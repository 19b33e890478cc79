/**
 * Where the research data sets are (People's Daily 1998, CLUENER2020, pd1998-ner, SIGHAN 2005, CSL,
 * modern-news): the `--data` argument of a script, else the ZHTAG_DATA environment variable, else
 * `../shared/data` beside the package. They are never shipped; scripts name files inside this folder
 * by their logical path (`pd1998/199801-01to25.txt`), so nothing they write holds a machine path.
 */
import path from 'node:path';
import { packageRoot } from '../src/paths.js';

export function dataDir(option?: string): string {
  return path.resolve(option ?? process.env.ZHTAG_DATA ?? path.join(packageRoot(), '..', 'shared', 'data'));
}
