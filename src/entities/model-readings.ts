import type { Entity, Label } from '../types.js';

/** The model's spans of a document by start, to ask how it read a span or where its spans from a place end. */
export class ModelReadings {
  private readonly byStart = new Map<number, Array<{ end: number; label: Label }>>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      if (entity.source !== 'model') continue;
      const spans = this.byStart.get(entity.start);
      if (spans) spans.push({ end: entity.end, label: entity.label });
      else this.byStart.set(entity.start, [{ end: entity.end, label: entity.label }]);
    }
  }

  /** Whether the model read exactly `[span.start, span.end)` as `label`. */
  reads(span: { start: number; end: number }, label: Label): boolean {
    return (
      this.byStart.get(span.start)?.some((read) => read.end === span.end && read.label === label) ?? false
    );
  }

  /** The ends of the model's `label` spans that start at `start`, in the model's order. */
  ends(start: number, label: Label): number[] {
    return (this.byStart.get(start) ?? []).filter((read) => read.label === label).map((read) => read.end);
  }
}
