import { splitAtSpaces } from '../consistent-names.js';
import type { EntityRule } from '../context.js';
import { foreignReading } from '../foreign-readings.js';
import { ModelReadings } from '../model-readings.js';
import { makeEntity } from '../names.js';
import { surnameThenTitle, titleAfterSurname } from '../readings.js';
import { tidySpan } from '../tidy.js';

/**
 * The statistical model's persons, places and organizations (source `model`, with a score), tidied
 * (tidy.ts); a person read as a surname and a title becomes the two (`rule:surname-title`).
 */
export const model: EntityRule = {
  name: 'model',
  run(context) {
    const { model: ner, text, normalized, gazetteer, candidates, modelPersons } = context;
    // The model segments for itself: it was trained on jieba's tags without HMM, and the pipeline's
    // tokens (HMM on, dictionary terms frozen) give it different features (measured: PERSON recall
    // on example.dev 0.62 with our tokens, 0.74 with its own).
    if (!ner) return;
    // A name never ends in a title of two characters or more: the model's 向记者 is 向 + 记者.
    const titleEnds = new Map<number, number>();
    for (const e of gazetteer)
      if (e.label === 'TITLE' && e.end - e.start >= 2)
        titleEnds.set(e.end, Math.max(titleEnds.get(e.end) ?? 0, e.end - e.start));
    // It reads the normalized text (same offsets): traditional characters as simplified, and the dot
    // variants of transliterated names as People's Daily's ·.
    for (const predicted of ner.predict(normalized)) {
      const span = tidySpan(text, predicted.start, predicted.end, predicted.label);
      if (!span) continue;
      const surnameAndTitle = predicted.label === 'PERSON' && surnameThenTitle(context, span.start, span.end);
      if (surnameAndTitle) {
        candidates.push(...surnameAndTitle);
        modelPersons.add(span.start);
        continue;
      }
      const titleLength = predicted.label === 'PERSON' ? (titleEnds.get(span.end) ?? 0) : 0;
      if (titleLength > 0 && titleLength < span.end - span.start) continue;
      const title = predicted.label === 'PERSON' && titleAfterSurname(context, span.start, span.end);
      if (title) candidates.push(title);
      // A person that is a foreign place or army (foreign-readings.ts); a list of names split at its
      // spaces (consistent-names.ts).
      candidates.push(
        ...splitAtSpaces(
          text,
          foreignReading(
            makeEntity(text, span.start, span.end, predicted.label, 'model', {
              score: Number(predicted.score.toFixed(3)),
            }),
          ),
        ),
      );
      if (predicted.label === 'PERSON') modelPersons.add(span.start);
    }
    context.modelReadings = new ModelReadings(candidates);
  },
};
