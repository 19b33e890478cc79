import type { EntityRule } from '../context.js';

/**
 * Not a rule but a fact later rules read: the official titles so far (neither dropped nor `official:
 * no`), and every offset where one begins or where a body heading one begins: bodies chain (市财政局 +
 * 党组 + 书记).
 */
export const officialTitles: EntityRule = {
  name: 'official-titles',
  run(context) {
    const { candidates, added, dropped } = context;
    context.officialTitles = [...candidates, ...added].filter(
      (e) => e.label === 'TITLE' && e.official !== 'no' && !dropped.has(e),
    );
    const starts = new Set(context.officialTitles.map((e) => e.start));
    const organizationsFromEnd = candidates
      .filter((e) => e.label === 'ORG')
      .sort((a, b) => b.end - a.end || b.start - a.start);
    for (const org of organizationsFromEnd) if (starts.has(org.end)) starts.add(org.start);
    context.officialTitleStarts = starts;
  },
};
