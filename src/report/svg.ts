import { escapeHtml } from '../export/html.js';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart as static SVG (no script, no external font or file), so the report opens
 * anywhere, offline, and prints. Sizes are in user units; the chart scales with its container.
 */
export function barChart(bars: Bar[], options: { title: string; colour?: string; width?: number }): string {
  const width = options.width ?? 640;
  const rowHeight = 22;
  const labelWidth = 180;
  const valueWidth = 60;
  const top = 28;
  const height = top + Math.max(1, bars.length) * rowHeight + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = width - labelWidth - valueWidth;
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const length = Math.max(1, Math.round((bar.value / max) * plot));
    const label = bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label;
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="${rowHeight - 6}" fill="${options.colour ?? '#4a7bd0'}"><title>${escapeHtml(`${bar.label}: ${bar.value}`)}</title></rect>` +
      `<text x="${labelWidth + length + 6}" y="${y + 15}">${bar.value}</text>`
    );
  });
  const empty = bars.length === 0 ? `<text x="${labelWidth}" y="${top + 15}" fill="#888">(none)</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(options.title)}" font-size="13" font-family="sans-serif">` +
    `<text x="0" y="16" font-weight="bold">${escapeHtml(options.title)}</text>${rows.join('')}${empty}</svg>`
  );
}
