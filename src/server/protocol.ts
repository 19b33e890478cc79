import type { TermFields } from '../dictionary/entry.js';
import type { PipelineOptions } from '../pipeline.js';

/** A document handed to a worker: what the request gave, validated by the route schema. */
export interface TaskDocument {
  id?: string;
  text: string;
}

/** What a worker is asked to do. Workers answer with the response body as a JSON string. */
export type WorkerTask =
  | { kind: 'annotate' | 'segment' | 'entities' | 'keywords'; documents: TaskDocument[]; batch: boolean }
  | { kind: 'dictionaries' }
  /** Whether a term's forms are claimed by another term (what `zhtag dict check` calls alias-conflict). */
  | { kind: 'check-term'; fields: TermFields }
  | { kind: 'ping' };

/** A term appended to the user dictionary file since the pool started: its line and row. */
export interface AppendedRow {
  line: number;
  row: string;
}

/**
 * What the pool sends: the task, plus every row appended to the user dictionary since this pool
 * generation started. A worker loads the rows it has not loaded yet before running the task, so a
 * term added before a request is seen by whichever worker runs it.
 */
export interface TaskEnvelope {
  task: WorkerTask;
  appended: readonly AppendedRow[];
}

/** Everything a worker needs to build its pipeline; a new pool generation gets new data. */
export interface WorkerData {
  pipeline: PipelineOptions;
  /** The user dictionary's current TSV text, loaded as the `user` layer after `dicts`. */
  userDict?: { content: string; displayPath: string; header: string };
}
