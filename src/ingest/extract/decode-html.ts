import { TextDecoder } from 'node:util'
import { gunzipSync } from 'node:zlib'

/** A `<meta charset>` is required to sit in the first 1024 bytes; a little slack for sloppy pages. */
const SNIFF_BYTES = 4096
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)/i
/** Bounds a gzip bomb: no page we extract is larger than this once inflated. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024

export const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

function bomEncoding(b: Uint8Array): { label: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 }
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 }
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 }
  return null
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label.toLowerCase())
  } catch {
    return new TextDecoder('utf-8')
  }
}

/**
 * The text of an HTML file's bytes: gunzipped when the bytes start with the gzip magic, decoded by
 * BOM, else by `<meta charset>` / `http-equiv` content type, else UTF-8. Legacy Vietnamese pages in
 * windows-1258 (and windows-1252, UTF-16) decode with the built-in TextDecoder.
 */
export function decodeHtml(input: Uint8Array): string {
  const bytes = isGzip(input) ? gunzipSync(input, { maxOutputLength: MAX_INFLATED_BYTES }) : input
  const bom = bomEncoding(bytes)
  if (bom) return decoderFor(bom.label).decode(bytes.subarray(bom.skip))
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES))
  const decoder = decoderFor(META_CHARSET.exec(head)?.[1] ?? 'utf-8')
  const text = decoder.decode(bytes)
  // windows-1258 writes tone marks as separate combining characters: recompose them.
  return decoder.encoding === 'windows-1258' ? text.normalize('NFC') : text
}
