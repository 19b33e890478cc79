import iconv from 'iconv-lite';

/** `auto`: UTF-8 (with or without BOM), then GB18030 (a superset of GBK and GB2312). Else any iconv-lite name. */
export type InputEncoding = string;

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** True when `name` is `auto` or an encoding iconv-lite knows (checked before any file is read). */
export function isKnownEncoding(name: string): boolean {
  return name === 'auto' || iconv.encodingExists(name);
}

function startsWith(buffer: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}

/**
 * Control characters other than tab, newline, carriage return and form feed: text never holds many,
 * binary data does. NUL alone is decisive (no text encoding we accept writes it).
 */
function looksBinary(buffer: Uint8Array): boolean {
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

function strictUtf8(buffer: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/**
 * Decodes bytes into text. With `auto`, a UTF-16 BOM or a UTF-8 BOM decides; otherwise strict UTF-8 is
 * tried first (a GBK text is almost never valid UTF-8) and GB18030 second. A decode that needs the
 * replacement character, or bytes that look binary, fail with a reason instead of yielding mojibake.
 */
export function decodeBuffer(buffer: Uint8Array, encoding: InputEncoding = 'auto'): DecodeResult {
  if (buffer.length === 0) return { ok: true, text: '', encoding: encoding === 'auto' ? 'utf-8' : encoding };
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    const label = buffer[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (encoding === 'auto' || iconv.encodingExists(encoding)) {
      try {
        const text = new TextDecoder(label, { fatal: true }).decode(buffer);
        return { ok: true, text, encoding: label };
      } catch {
        return { ok: false, reason: `invalid ${label.toUpperCase()} text` };
      }
    }
  }
  if (looksBinary(buffer)) return { ok: false, reason: 'binary data (control bytes), not text' };
  const body = startsWith(buffer, UTF8_BOM) ? buffer.subarray(3) : buffer;
  const normalized = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (encoding === 'auto' || normalized === 'utf8') {
    const text = strictUtf8(body);
    if (text !== undefined) return { ok: true, text, encoding: 'utf-8' };
    if (encoding !== 'auto') return { ok: false, reason: 'invalid UTF-8 (set option "encoding" to gb18030)' };
    if (body !== buffer) return { ok: false, reason: 'UTF-8 BOM but invalid UTF-8' };
  }
  const label = encoding === 'auto' ? 'gb18030' : encoding;
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), label);
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      reason:
        encoding === 'auto'
          ? 'undecodable: neither UTF-8 nor GB18030 (force one with option "encoding")'
          : `undecodable as ${encoding}`,
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding: label };
}
