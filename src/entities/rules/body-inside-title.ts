import type { EntityRule } from '../context.js';
import { bodiesInsideTitles } from '../readings.js';

/**
 * Under the gold sets' guidelines (`Guidelines.onlyWhatGoldMarks`): a gazetteer organization the model
 * reads shorter before an official title gives the rest to the title (省人大 | 常委会副主任,
 * `bodiesInsideTitles` in readings.ts).
 */
export const bodyInsideTitle: EntityRule = {
  name: 'body-inside-title',
  run(context) {
    if (!context.guidelines.onlyWhatGoldMarks) return;
    const { fromGazetteer, modelReadings } = context;
    const inside = bodiesInsideTitles(
      context,
      context.candidates.filter(
        (e) => fromGazetteer.has(e) && e.label === 'ORG' && !modelReadings.reads(e, 'ORG'),
      ),
      modelReadings,
      context.officialTitles,
    );
    for (const entity of inside.dropped) context.dropped.add(entity);
    context.added.push(...inside.added);
  },
};
