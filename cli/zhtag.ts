#!/usr/bin/env -S node --single-threaded-gc
import { createCli } from './cli.js';

await createCli(process.argv.slice(2)).parseAsync();
