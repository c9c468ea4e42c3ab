import {
  TCVN3_FIRST_BYTE,
  TCVN3_HIGH,
  VNI_BREVE,
  VNI_CIRCUMFLEX,
  VNI_D_STROKE,
  VNI_I,
  VNI_O_HORN,
  VNI_TONE,
  VNI_U_HORN,
  VNI_Y_DOT,
} from './legacy-tables.js'
import { withTone } from './vietnamese-chars.js'

export type LegacyEncoding = 'tcvn3' | 'vni'

interface Tables {
  tcvnDecode: Map<string, string>
  tcvnEncode: Map<string, string>
  vniDecode: Map<string, string>
  vniEncode: Map<string, string>
}

let tables: Tables | undefined

function build(): Tables {
  const tcvnDecode = new Map<string, string>()
  const tcvnEncode = new Map<string, string>()
  ;[...TCVN3_HIGH].forEach((ch, i) => {
    const legacy = String.fromCharCode(TCVN3_FIRST_BYTE + i)
    if (ch === legacy) return
    tcvnDecode.set(legacy, ch)
    tcvnEncode.set(ch, legacy)
  })
  const vniDecode = new Map<string, string>()
  const vniEncode = new Map<string, string>()
  const add = (uni: string, seq: string) => {
    for (const [u, s] of [
      [uni, seq],
      [uni.toUpperCase(), seq.toUpperCase()],
    ] as const) {
      vniEncode.set(u, s)
      // decoding keys use a lowercase mark byte: capitals are sometimes typed with small marks
      vniDecode.set(s.length === 2 ? s[0]! + s[1]!.toLowerCase() : s, u)
    }
  }
  const rows: [string, string, string[]][] = [
    ['a', 'a', VNI_TONE],
    ['ă', 'a', VNI_BREVE],
    ['â', 'a', VNI_CIRCUMFLEX],
    ['e', 'e', VNI_TONE],
    ['ê', 'e', VNI_CIRCUMFLEX],
    ['o', 'o', VNI_TONE],
    ['ô', 'o', VNI_CIRCUMFLEX],
    ['ơ', VNI_O_HORN, VNI_TONE],
    ['u', 'u', VNI_TONE],
    ['ư', VNI_U_HORN, VNI_TONE],
    ['y', 'y', VNI_TONE],
  ]
  for (const [base, letter, marks] of rows) {
    marks.forEach((mark, tone) => {
      add(withTone(base, tone), tone === 5 && base === 'y' ? VNI_Y_DOT : letter + mark)
    })
  }
  VNI_I.forEach((seq, tone) => {
    add(withTone('i', tone), seq)
  })
  add('đ', VNI_D_STROKE)
  return { tcvnDecode, tcvnEncode, vniDecode, vniEncode }
}

function getTables(): Tables {
  if (tables === undefined) tables = build()
  return tables
}

/** Converts legacy-encoded text (as windows-1252/latin1 code points) to Unicode NFC. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const t = getTables()
  let out = ''
  if (encoding === 'tcvn3') {
    for (const ch of text) out += t.tcvnDecode.get(ch) ?? ch
    return out.normalize('NFC')
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const next = text[i + 1]
    const pair = next === undefined ? undefined : t.vniDecode.get(ch + next.toLowerCase())
    if (pair !== undefined) {
      out += pair
      i++
    } else {
      out += t.vniDecode.get(ch) ?? ch
    }
  }
  return out.normalize('NFC')
}

/** Unicode → legacy encoding (as latin1 code points); TCVN3 writes toned capitals in lower case. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const t = getTables()
  const map = encoding === 'tcvn3' ? t.tcvnEncode : t.vniEncode
  let out = ''
  for (const ch of text.normalize('NFC')) {
    out += map.get(ch) ?? (encoding === 'tcvn3' ? map.get(ch.toLowerCase()) : undefined) ?? ch
  }
  return out
}

/** Letters that only Unicode Vietnamese has: if present, the text is not legacy-encoded. */
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/
/** TCVN3 codes that read as latin1 symbols (¡…¿ without °±²³´), next to a letter in a word. */
const TCVN3_WORD = /[A-Za-z][\u00a1-\u00af\u00b5-\u00bf]|[\u00a1-\u00af\u00b5-\u00bf][A-Za-z]/
/** A VNI base vowel followed by a VNI mark byte, or đ (ñ) opening a word. */
const VNI_WORD = /[aeiouyôöAEIOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|^[ñÑ][aeiouyôöAEIOUYÔÖ]/
const WHITESPACE = /\s+/
/**
 * Share of words that must carry a legacy signature. In legacy Vietnamese text 40–70% of words do;
 * in Western text with accents well under 5%.
 */
const MIN_SIGNATURE_SHARE = 0.15
/** Fewer signature words than this is no evidence (a lone `©` or `naïve`). */
const MIN_SIGNATURE_WORDS = 2

/** Detects text written in TCVN3 (ABC) or VNI and read as windows-1252/latin1; null otherwise. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (UNICODE_VIETNAMESE.test(text)) return null
  let words = 0
  let tcvn = 0
  let vni = 0
  for (const w of text.split(WHITESPACE)) {
    if (w === '') continue
    words++
    if (TCVN3_WORD.test(w)) tcvn++
    if (VNI_WORD.test(w)) vni++
  }
  const best = Math.max(tcvn, vni)
  if (best < MIN_SIGNATURE_WORDS || best / words < MIN_SIGNATURE_SHARE) return null
  return tcvn >= vni ? 'tcvn3' : 'vni'
}

/** Converts text to Unicode if it is in a legacy encoding; otherwise returns it unchanged. */
export function repairLegacyText(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text)
  return { text: encoding === null ? text : decodeLegacy(text, encoding), encoding }
}
