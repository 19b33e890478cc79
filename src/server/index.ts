/**
 * zhtag/server: the HTTP tagging API (`zhtag serve`).
 * Published as the `zhtag/server` subpath export (package.json "exports").
 */
export type { DictionariesReport } from './dictionaries.js';
export type { ServerOptions } from './server.js';
export { createServer } from './server.js';
