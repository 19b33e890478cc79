/**
 * The worker of the tagging pool. Each worker thread builds its own Pipeline once, from `workerData`
 * (pipeline options plus the user dictionary's current text), and answers tasks with a JSON string,
 * so serialization runs off the main thread and the body is exactly `JSON.stringify` of library output.
 */
import { workerData } from 'node:worker_threads';
import type { TermFields } from '../dictionary/entry.js';
import { errorBody } from '../errors.js';
import { createPipeline } from '../pipeline.js';
import type { Doc } from '../types.js';
import { describeDictionaries } from './dictionaries.js';
import type { AppendedRow, TaskDocument, TaskEnvelope, WorkerData } from './protocol.js';

const setup = workerData as WorkerData;
const pipeline = createPipeline(setup.pipeline);
const userLayer = {
  layer: 'user',
  label: 'POLICY',
  mode: 'frozen',
  displayPath: setup.userDict?.displayPath ?? 'user',
} as const;
if (setup.userDict) pipeline.dictionary.loadText(setup.userDict.content, userLayer);
let loadedRows = 0;

/**
 * Loads the rows appended to the user dictionary since this generation started that this worker has
 * not loaded yet. Each row is read as line `line` of the file (blank lines, which the parser skips,
 * stand for the lines before it), so its entities name the same `file:line` a restart would.
 */
function catchUp(appended: readonly AppendedRow[]): void {
  const header = setup.userDict?.header;
  if (header === undefined) return;
  for (; loadedRows < appended.length; loadedRows++) {
    const { line, row } = appended[loadedRows] as AppendedRow;
    pipeline.dictionary.loadText(`${'\n'.repeat(line - 2)}${header}\n${row}\n`, userLayer);
  }
}

/** The fields of the Doc each endpoint returns: a projection of `pipeline.annotate`, never a rebuild. */
function project(kind: 'annotate' | 'entities' | 'keywords', doc: Doc): object {
  if (kind === 'annotate') return doc;
  if (kind === 'keywords') return { ...(doc.id !== undefined ? { id: doc.id } : {}), keywords: doc.keywords };
  // Entities and whatever the entity stages add beside them (spans, officials, ...).
  const { tokens: _tokens, keywords: _keywords, ...entities } = doc;
  return entities;
}

/** A form of `fields` (term or alias) that another term already claims, as a sentence; else undefined. */
function formConflict(fields: TermFields): string | undefined {
  for (const form of [fields.term, ...(fields.aliases ?? [])]) {
    const other = pipeline.dictionary.lookupAll(form).find((entry) => entry.term !== fields.term);
    if (other)
      return `"${form}" is already claimed by "${other.term}" (${other.file}:${other.line}); a form names one term`;
  }
  return undefined;
}

function runOne(kind: 'annotate' | 'segment' | 'entities' | 'keywords', input: TaskDocument): object {
  try {
    if (kind === 'segment') {
      const head = input.id !== undefined ? { id: input.id } : {};
      return { ...head, text: input.text, tokens: pipeline.segment(input.text) };
    }
    return project(kind, pipeline.annotate({ ...input }));
  } catch (error) {
    // A document that fails yields an error record in its place, as in the CLI (E_INTERNAL unless
    // zhtag said why); the other documents of a batch are still answered.
    return { id: input.id, error: errorBody(error) };
  }
}

export default function handle({ task, appended }: TaskEnvelope): string {
  catchUp(appended);
  switch (task.kind) {
    case 'ping':
      return '{"ok":true}';
    case 'dictionaries':
      return JSON.stringify(describeDictionaries(pipeline));
    case 'check-term':
      return JSON.stringify({ conflict: formConflict(task.fields) ?? null });
    default: {
      const records = task.documents.map((input) => runOne(task.kind, input));
      return JSON.stringify(task.batch ? { documents: records } : records[0]);
    }
  }
}
