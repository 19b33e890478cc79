/**
 * Cleaning scraped articles: duplicated paragraphs, boilerplate lines and stray whitespace go; nothing
 * else changes. Cleaning only ever deletes characters (never rewrites one), so every character of the
 * clean text is a character of the original, and `segments` maps clean offsets back exactly.
 */

/** A kept run: `length` characters at `cleanStart` in the clean text come from `originalStart`. */
export type OffsetSegment = [cleanStart: number, originalStart: number, length: number];

export interface CleanOptions {
  /** Drop a line equal (whitespace aside) to an earlier kept line (default true). */
  duplicates?: boolean;
  /** Lines shorter than this (non-space characters) are never treated as duplicates (default 2). */
  minDuplicateLength?: number;
  /** Drop boilerplate lines: disclaimers, editor credits, share buttons, runs of `|` (default true). */
  boilerplate?: boolean;
  /** Extra boilerplate patterns, tested against each trimmed line. */
  boilerplatePatterns?: RegExp[];
}

export interface CleanResult {
  text: string;
  segments: OffsetSegment[];
  removed: { duplicateLines: number; boilerplateLines: number; blankLines: number };
}

/**
 * Boilerplate of Chinese news sites, each matched against a whole trimmed line. A line counts when it
 * is *only* this: a paragraph that mentions 责任编辑 in passing stays.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /免责声明/,
  /^[|｜\s]+$/u,
  /[|｜]\s*[|｜]{3,}/u,
  /^[(（【[]?\s*(责任编辑|责编|编辑|校对|审核|监制|来源|稿源|作者)\s*[:：].{0,30}$/u,
  /^(分享到|分享至|分享)\s*[:：]?\s*(微信|微博|QQ|朋友圈|空间|\s)*$/u,
  /^(微信|微博|QQ空间|QQ好友|朋友圈|扫一扫|打印|打印本页|关闭|关闭窗口|返回顶部|收藏|【打印】|【关闭】|【字号\s*大\s*中\s*小】)(\s+|$)/u,
  /^字号\s*[:：]?\s*[大中小\s]+$/u,
  /^(版权所有|Copyright|©)/iu,
];

const SPACE = /[ \t\f\v\r\u00a0\u2000-\u200b\u3000]/;

/** Cleans one text; see the module comment. */
export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  const patterns = [...BOILERPLATE_PATTERNS, ...(options.boilerplatePatterns ?? [])];
  const minDuplicate = options.minDuplicateLength ?? 2;
  const seen = new Set<string>();
  const removed = { duplicateLines: 0, boilerplateLines: 0, blankLines: 0 };
  const segments: OffsetSegment[] = [];
  let clean = '';

  const emit = (from: number, to: number) => {
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last[0] + last[2] === clean.length && last[1] + last[2] === from) last[2] += to - from;
    else segments.push([clean.length, from, to - from]);
    clean += text.slice(from, to);
  };

  let lineStart = 0;
  let previousNewline = -1; // where the newline after the last kept line is, to join kept lines
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let from = lineStart;
    let to = lineEnd;
    while (from < to && SPACE.test(text[from] ?? '')) from++;
    while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
    const line = text.slice(from, to);
    const key = line.replace(/\s+/g, '');
    let keep = true;
    if (line === '') {
      removed.blankLines += lineEnd < text.length || lineStart < text.length ? 1 : 0;
      keep = false;
    } else if (options.boilerplate !== false && patterns.some((pattern) => pattern.test(line))) {
      removed.boilerplateLines++;
      keep = false;
    } else if (options.duplicates !== false && key.length >= minDuplicate && seen.has(key)) {
      removed.duplicateLines++;
      keep = false;
    }
    if (keep) {
      if (previousNewline !== -1) emit(previousNewline, previousNewline + 1);
      emitCollapsed(text, from, to, emit);
      seen.add(key);
      previousNewline = lineEnd < text.length ? lineEnd : -1;
    }
    lineStart = lineEnd + 1;
  }
  return { text: clean, segments, removed };
}

/** Emits `[from, to)` with every run of spaces cut to its first character. */
function emitCollapsed(text: string, from: number, to: number, emit: (a: number, b: number) => void): void {
  let runStart = from;
  for (let i = from; i < to; i++) {
    if (SPACE.test(text[i] ?? '') && i > from && SPACE.test(text[i - 1] ?? '')) {
      emit(runStart, i);
      runStart = i + 1;
    }
  }
  emit(runStart, to);
}

/** Maps a clean-text span `[start, end)` back to the original text. */
export function toOriginalSpan(
  segments: readonly OffsetSegment[],
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: toOriginal(segments, start, false), end: toOriginal(segments, end, true) };
}

function toOriginal(segments: readonly OffsetSegment[], offset: number, isEnd: boolean): number {
  // An end offset belongs to the character before it; a start offset to the character at it.
  const probe = isEnd ? offset - 1 : offset;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [cleanStart, originalStart, length] = segments[mid] as OffsetSegment;
    if (probe < cleanStart) high = mid - 1;
    else if (probe >= cleanStart + length) low = mid + 1;
    else return originalStart + (probe - cleanStart) + (isEnd ? 1 : 0);
  }
  const last = segments[segments.length - 1];
  return last ? last[1] + last[2] : 0;
}
