import { describe, expect, it } from 'vitest';
import { annotateBatch, createBatchAnnotator } from '../../src/corpus/annotate-batch.js';
import type { WorkerSetup } from '../../src/corpus/protocol.js';

const setup: WorkerSetup = {
  pipeline: { manifest: false, ner: false, keywords: false },
  format: 'jsonl',
  exportOptions: {},
  clean: false,
  keepOriginal: false,
};

describe('annotateBatch error records', () => {
  it('files an unexpected failure as E_INTERNAL and an empty text as a document, keeping the order', () => {
    const annotator = createBatchAnnotator(setup);
    // No input is known to make the pipeline throw, so a pipeline whose annotate throws stands in for
    // a bug; everything else (exporter, records, encoding) is the real batch path.
    const real = annotator.pipeline;
    const failing = Object.create(real) as typeof real;
    failing.annotate = (input) => {
      if (typeof input !== 'string' && input.id === 'bug') throw new TypeError('cannot read x of undefined');
      return real.annotate(input);
    };
    const result = annotateBatch(
      { ...annotator, pipeline: failing },
      {
        seq: 0,
        items: [
          { kind: 'doc', id: 'ok', text: '实施十大战略', extra: {}, where: 'a.jsonl:1' },
          { kind: 'doc', id: 'bug', text: '实施十大战略', extra: {}, where: 'a.jsonl:2' },
          { kind: 'doc', id: 'empty', text: '  ', extra: {}, where: 'a.jsonl:3' },
        ],
      },
    );
    expect(result.outputs.map((output) => output.kind)).toEqual(['doc', 'error', 'doc']);
    expect(result.outputs[1]).toEqual({
      kind: 'error',
      id: 'bug',
      error: {
        code: 'E_INTERNAL',
        message: 'a.jsonl:2: annotation failed: internal error: cannot read x of undefined',
      },
    });
    expect(result.outputs[2]).toMatchObject({ kind: 'doc', id: 'empty', characters: 2, labels: [] });
  });
});
