/**
 * Bytes → text for feeds and pages. Order of evidence (after the HTML/XML specs and miniflux's
 * encoding reader): byte-order mark, the Content-Type charset, the document's own declaration
 * (XML declaration, `<meta charset>`, http-equiv), then a UTF-8 validity sniff. Vietnamese sites often
 * declare windows-1252/iso-8859-1 while serving UTF-8, so valid multibyte UTF-8 beats a single-byte label;
 * the reverse happens too (a UTF-8 template over a legacy database), so bytes that are not UTF-8 under a
 * UTF-8 label are read as the single-byte encoding they look like (windows-1258 or windows-1252).
 */
export interface DecodedText {
  text: string
  /** WHATWG encoding name actually used, e.g. `utf-8`, `windows-1258` */
  charset: string
  source: 'bom' | 'header' | 'document' | 'sniff' | 'fallback'
  /** the label that was declared but not used, when the bytes contradicted it */
  overridden: string | null
}

export interface DecodeOptions {
  /** `charset` from the Content-Type header (the fetcher's `FetchResult.charset`) */
  charset?: string | null
  /** used when nothing is declared and the bytes are not UTF-8; the HTML spec's default for vi is windows-1258 */
  fallback?: string
}

/** The HTML spec prescans 1024 bytes; XML declarations are at the very start. 4 KiB tolerates long heads. */
const SNIFF_BYTES = 4096
const XML_DECL = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i
/** Multibyte legacy encodings whose bytes could pass as UTF-8 by accident: never overridden by the sniff. */
const MULTIBYTE_LEGACY = new Set([
  'utf-16le',
  'utf-16be',
  'gbk',
  'gb18030',
  'big5',
  'euc-jp',
  'iso-2022-jp',
  'shift_jis',
  'euc-kr',
])

/** A label TextDecoder understands, in its canonical name, or null. */
export function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding
  } catch {
    return null
  }
}

function bomCharset(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  // `<?` in UTF-16 without a BOM (XML 1.0 Appendix F)
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'utf-16le'
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'utf-16be'
  return null
}

/** The encoding a document declares about itself, read through an ASCII-compatible lens. */
export function documentCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES))
  const label = XML_DECL.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1]
  const canonical = canonicalCharset(label)
  // a declaration readable as ASCII cannot be UTF-16; the label is wrong (common in copied templates)
  return canonical?.startsWith('utf-16') ? 'utf-8' : canonical
}

const hasHighBytes = (b: Uint8Array) => b.some((x) => x >= 0x80)

/**
 * Whether bytes that are not valid UTF-8 are still mostly UTF-8: at least `UTF8_MAJORITY` times as
 * many well-formed multibyte sequences as bytes that fit none (a page with a stray damaged byte).
 * Legacy single-byte text almost never forms a valid sequence by accident.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < b.length; ) {
    const x = b[i]!
    const len =
      x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0
    if (len === 1) {
      i++
      continue
    }
    let ok = len > 0 && i + len <= b.length
    for (let k = 1; ok && k < len; k++) ok = (b[i + k]! & 0xc0) === 0x80
    if (ok) {
      valid++
      i += len
    } else {
      invalid++
      i++
    }
  }
  return valid >= invalid * UTF8_MAJORITY
}
const UTF8_MAJORITY = 4

/**
 * windows-1258 bytes typical of Vietnamese: the five combining tone marks, Ă/ă, Đ/đ, Ơ/ơ, Ư/ư. In
 * windows-1252 they read Ì Ò Þ ì ò Ã ã Ð ð Õ õ Ý ý, rare together in Western text.
 */
const VI_1258_BYTES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2, 0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd])
/** Share of high bytes that must be Vietnamese-typical for windows-1258 to win over windows-1252. */
const VI_1258_SHARE = 0.3

/** The single-byte encoding legacy bytes most likely are: windows-1258 for Vietnamese, else windows-1252. */
export function sniffSingleByte(b: Uint8Array): string {
  let high = 0
  let vi = 0
  for (const x of b) {
    if (x < 0x80) continue
    high++
    if (VI_1258_BYTES.has(x)) vi++
  }
  return high > 0 && vi / high >= VI_1258_SHARE ? 'windows-1258' : 'windows-1252'
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (ISO-8859-1), so the
 * typographic quotes and dashes of Western pages come out wrong. The 32 code points, per WHATWG.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'
const C1 = /[\u0080-\u009F]/g

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') {
    return new TextDecoder(charset).decode(bytes).replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
  }
  const text = new TextDecoder(charset).decode(bytes)
  // windows-1258 spells most tones as combining marks; NFC gives the precomposed letters everyone else uses
  return charset === 'windows-1258' ? text.normalize('NFC') : text
}

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const bom = bomCharset(bytes)
  if (bom) return { text: decodeAs(bytes, bom), charset: bom, source: 'bom', overridden: null }
  const header = canonicalCharset(opts.charset)
  const inDoc = documentCharset(bytes)
  const declared = header ?? inDoc
  const source = header ? 'header' : 'document'
  const utf8 = strictUtf8(bytes)
  if (declared === 'utf-8') {
    if (utf8 !== null) return { text: utf8, charset: 'utf-8', source, overridden: null }
    // header says UTF-8 but the bytes are not: believe the document's own legacy declaration if any
    if (inDoc && inDoc !== 'utf-8')
      return { text: decodeAs(bytes, inDoc), charset: inDoc, source: 'document', overridden: 'utf-8' }
    // a UTF-8 page with a few damaged bytes stays UTF-8; legacy bytes under a UTF-8 label do not
    if (mostlyUtf8(bytes))
      return { text: decodeAs(bytes, 'utf-8'), charset: 'utf-8', source, overridden: null }
    const legacy = canonicalCharset(opts.fallback) ?? sniffSingleByte(bytes)
    return { text: decodeAs(bytes, legacy), charset: legacy, source: 'sniff', overridden: 'utf-8' }
  }
  if (declared) {
    if (utf8 !== null && hasHighBytes(bytes) && !MULTIBYTE_LEGACY.has(declared)) {
      return { text: utf8, charset: 'utf-8', source: 'sniff', overridden: declared }
    }
    return { text: decodeAs(bytes, declared), charset: declared, source, overridden: null }
  }
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'sniff', overridden: null }
  const fallback = canonicalCharset(opts.fallback) ?? 'windows-1258'
  return { text: decodeAs(bytes, fallback), charset: fallback, source: 'fallback', overridden: null }
}
