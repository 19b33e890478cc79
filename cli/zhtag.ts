#!/usr/bin/env node
import { createCli } from './cli.js';

await createCli(process.argv.slice(2)).parseAsync();
