import { eld } from 'eld'
import { CC, charClasses } from './char-class.js'
import type { HashSet32 } from './segment/hash.js'
import { foldedSyllableHash } from './segment/dictionary.js'
import { loadSegmenter } from './segment/segmenter.js'
import { VIETNAMESE_ONLY, vowelInfo } from './vietnamese-chars.js'

export interface LanguageOptions {
  /** the language the source declares (`vi`, `en-US`…): used when the text is too short to tell */
  declared?: string
}

export interface LanguageResult {
  /** ISO 639-1 code, or `unknown` */
  lang: string
  /** 0–1 */
  confidence: number
  /** why, in words (for logs and the triage UI) */
  reason: string
}

export interface LanguageDetector {
  detect(text: string, opts?: LanguageOptions): LanguageResult
}

/** Only the start of long texts is examined: language is settled well before 2,000 characters. */
const MAX_SAMPLE = 2000
/** Below this many letters (or 3 words) a text is "short": statistical answers are guesses. */
const SHORT_LETTERS = 20
/**
 * Share of words with ă/đ/ơ/ư or a Vietnamese-only vowel (ạ…ỹ) that makes a text Vietnamese at once.
 * News articles measure 0.38–0.70 (VNTC sample); English text quoting Vietnamese names ~0.1–0.2.
 */
const VIETNAMESE_WORD_SHARE = 0.3
/** Share of words that must be Vietnamese syllables (without diacritics) to call it Vietnamese. */
const LEXICON_SHARE = 0.85
/** …unless a reliable statistical answer says otherwise and the share is below this. */
const LEXICON_OVERRIDE_SHARE = 0.95
const MIN_LEXICON_WORDS = 3
const DECLARED = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/i
const WORD = /\p{L}+/gu

interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean }
}

interface EldWithLoader extends Eld {
  load(size: string): Promise<unknown>
}

const hasLoader = (x: unknown): x is EldWithLoader =>
  typeof x === 'object' && x !== null && typeof (x as { load?: unknown }).load === 'function'

interface TextStats {
  letters: number
  words: string[]
  vietnameseWords: number
}

function textStats(text: string): TextStats {
  const cls = charClasses()
  let letters = 0
  for (let i = 0; i < text.length; i++) if (cls[text.charCodeAt(i)] === CC.letter) letters++
  const words = text.match(WORD) ?? []
  let vietnameseWords = 0
  for (const w of words) {
    for (const ch of w) {
      const code = ch.charCodeAt(0)
      if (VIETNAMESE_ONLY.has(ch) && !'âêôÂÊÔ'.includes(ch)) vietnameseWords++
      else if (code >= 0x1ea0 && code <= 0x1ef9 && vowelInfo(ch) !== undefined) vietnameseWords++
      else continue
      break
    }
  }
  return { letters, words, vietnameseWords }
}

const unknown = (reason: string): LanguageResult => ({ lang: 'unknown', confidence: 0, reason })

/**
 * Builds a detector. Order of evidence: Vietnamese-only letters (ă đ ơ ư, ạ…ỹ; â ê ô and à é… also
 * occur in French or Portuguese, so they alone do not decide); eld's n-gram statistics; the share of
 * words that are Vietnamese syllables written without diacritics; for short texts, the declared
 * language. Never throws: empty, letter-less or broken input gives `unknown` with a reason.
 */
export function createLanguageDetector(stats: Eld | null, lexicon: HashSet32 | null): LanguageDetector {
  return {
    detect(input, opts = {}) {
      try {
        const text = typeof input === 'string' ? input.slice(0, MAX_SAMPLE) : ''
        const declared = DECLARED.exec(opts.declared ?? '')?.[1]?.toLowerCase()
        if (text.trim() === '') return unknown('empty text')
        const s = textStats(text)
        if (s.letters === 0) return unknown('no letters (numbers or symbols only)')
        const short = s.letters < SHORT_LETTERS || s.words.length < 3
        if (s.vietnameseWords / s.words.length >= VIETNAMESE_WORD_SHARE || (short && s.vietnameseWords > 0)) {
          return { lang: 'vi', confidence: 0.99, reason: 'Vietnamese-only letters' }
        }
        const r = stats?.detect(text)
        const eldLang = r?.language ?? ''
        const eldScore = r === undefined || eldLang === '' ? 0 : (r.getScores()[eldLang] ?? 0)
        const reliable = r?.isReliable() ?? false
        if (eldLang === 'vi' && (reliable || !short))
          return { lang: 'vi', confidence: eldScore, reason: 'n-gram statistics' }
        const share = lexiconShare(s.words, lexicon)
        if (s.words.length >= MIN_LEXICON_WORDS && share >= LEXICON_SHARE) {
          if (!(reliable && eldLang !== 'vi' && share < LEXICON_OVERRIDE_SHARE)) {
            return { lang: 'vi', confidence: share, reason: 'Vietnamese syllables without diacritics' }
          }
        }
        if (short && declared !== undefined) {
          return { lang: declared, confidence: 0.5, reason: 'short text: declared language' }
        }
        if (eldLang !== '' && (reliable || !short))
          return { lang: eldLang, confidence: eldScore, reason: 'n-gram statistics' }
        if (declared !== undefined)
          return { lang: declared, confidence: 0.3, reason: 'unclear text: declared language' }
        return unknown('no reliable signal')
      } catch (e) {
        return unknown(`detector error: ${e instanceof Error ? e.message : String(e)}`)
      }
    },
  }
}

function lexiconShare(words: string[], lexicon: HashSet32 | null): number {
  if (lexicon === null || words.length === 0) return 0
  let valid = 0
  for (const w of words) if (lexicon.has(foldedSyllableHash(w))) valid++
  return valid / words.length
}

let shared: Promise<LanguageDetector> | undefined

/**
 * The process-wide detector, created on first use: eld's `small` database (about 0.7–1.7 s and
 * 44 MB to load) and the syllable lexicon shipped in the segmenter model. If either cannot load the
 * detector works without it.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  if (shared === undefined) shared = createDefault()
  return shared
}

async function createDefault(): Promise<LanguageDetector> {
  let stats: Eld | null = null
  try {
    const inst: unknown = eld.newInstance()
    if (hasLoader(inst)) {
      await inst.load('small')
      stats = inst
    }
  } catch {
    stats = null
  }
  let lexicon: HashSet32 | null = null
  try {
    lexicon = loadSegmenter().model.lexicon
  } catch {
    lexicon = null
  }
  return createLanguageDetector(stats, lexicon)
}

/** Detects the language of `text` with the process-wide detector (see `loadLanguageDetector`). */
export async function detectLanguage(text: string, opts?: LanguageOptions): Promise<LanguageResult> {
  return (await loadLanguageDetector()).detect(text, opts)
}
