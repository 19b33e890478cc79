import type { Doc } from '../types.js';
import type { StreamExporter } from './exporter.js';

/** Colours of the labels zhtag writes; any other label gets the `other` colour. */
export const LABEL_COLOURS: Record<string, string> = {
  PERSON: '#fbd3a6',
  TITLE: '#d9c8f5',
  ORG: '#b9e3f9',
  LOC: '#c6efc2',
  POLICY: '#ffe680',
  other: '#e5e5e5',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const labelClass = (label: string) => (label in LABEL_COLOURS ? label : 'other');

function styles(): string {
  const marks = Object.entries(LABEL_COLOURS)
    .map(([label, colour]) => `.ent-${label}{background:${colour}}`)
    .join('\n');
  return `body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#222}
.legend{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd}
.legend span{margin-right:.6rem}
mark{padding:0 .15em;border-radius:3px}
mark::after{content:attr(data-label);font-size:.6em;margin-left:.2em;color:#555;vertical-align:super}
article{border-bottom:1px solid #eee;padding:1rem 0}
.text{white-space:pre-wrap}
h2{font-size:1rem;color:#555}
${marks}`;
}

/** The text of one document with its entities as `<mark>` elements (UTF-16 offsets, as in `Doc`). */
export function highlight(doc: Doc): string {
  let html = '';
  let at = 0;
  for (const entity of doc.entities) {
    if (entity.start < at) continue; // entities never overlap; a malformed input must not garble the page
    html += escapeHtml(doc.text.slice(at, entity.start));
    const title = `${entity.label} · ${entity.source}`;
    html +=
      `<mark class="ent ent-${labelClass(entity.label)}" data-label="${escapeHtml(entity.label)}"` +
      ` data-start="${entity.start}" data-end="${entity.end}" title="${escapeHtml(title)}">` +
      `${escapeHtml(entity.text)}</mark>`;
    at = entity.end;
  }
  return html + escapeHtml(doc.text.slice(at));
}

/**
 * A self-contained page (no script, no server): a legend of the labels, then every document with its
 * entities highlighted by type. Hovering a mark shows its label and source.
 */
export function htmlExporter(title = 'zhtag annotations'): StreamExporter {
  const legend = Object.keys(LABEL_COLOURS)
    .map((label) => `<span><mark class="ent ent-${label}">${label}</mark></span>`)
    .join('');
  return {
    kind: 'stream',
    format: 'html',
    offsetUnit: 'utf16',
    resumable: false,
    begin: () =>
      `<!doctype html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n` +
      `<style>\n${styles()}\n</style>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n` +
      `<div class="legend">${legend}</div>\n`,
    render: (doc) =>
      `<article data-id="${escapeHtml(doc.id ?? '')}">\n<h2>${escapeHtml(doc.id ?? '')}</h2>\n` +
      `<div class="text">${highlight(doc)}</div>\n</article>\n`,
    separator: '',
    end: () => '</body>\n</html>\n',
  };
}
