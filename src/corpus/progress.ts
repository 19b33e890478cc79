/** Counters of a corpus run, reported as it goes and at the end. */
export interface CorpusProgress {
  documentsIn: number;
  documentsOut: number;
  errors: number;
  /** Documents skipped by `--resume` (already in the output). */
  skipped: number;
  characters: number;
  /** Source bytes of the documents done so far, and of the whole input when known (files, not stdin). */
  bytesDone: number;
  bytesTotal?: number;
  seconds: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** One line of progress bar: `[####----] 42% 1200 docs 310 docs/s ETA 12s`. */
export function progressLine(p: CorpusProgress, width = 20): string {
  const rate = p.seconds > 0 ? p.documentsOut / p.seconds : 0;
  const counts = `${p.documentsOut + p.errors} docs ${rate.toFixed(0)} docs/s ${p.errors} errors`;
  if (!p.bytesTotal) return counts;
  const fraction = Math.min(0.999, p.bytesDone / p.bytesTotal);
  const filled = Math.round(fraction * width);
  const eta = fraction > 0 ? (p.seconds / fraction) * (1 - fraction) : Number.POSITIVE_INFINITY;
  return `ETA ${duration(eta)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${counts}`;
}

/** The final summary line. */
export function summaryLine(p: CorpusProgress): string {
  const skipped = p.skipped > 0 ? `, ${p.skipped} skipped (already done)` : '';
  return (
    `zhtag: ${p.documentsIn} documents in, ${p.documentsOut} out, ${p.errors} errors${skipped}; ` +
    `${p.characters} characters; ${p.seconds.toFixed(1)} s`
  );
}
