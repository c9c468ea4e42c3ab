/**
 * Vietnamese vowel tables: every vowel with each of the six tones, in both cases.
 * Tone order everywhere in this folder: 0 none, 1 grave (huyền), 2 acute (sắc), 3 hook (hỏi),
 * 4 tilde (ngã), 5 dot below (nặng).
 */
export const TONE_NONE = 0

/** Each row: a base vowel followed by its five toned forms (grave, acute, hook, tilde, dot). */
const VOWEL_ROWS = [
  'aàáảãạ',
  'ăằắẳẵặ',
  'âầấẩẫậ',
  'eèéẻẽẹ',
  'êềếểễệ',
  'iìíỉĩị',
  'oòóỏõọ',
  'ôồốổỗộ',
  'ơờớởỡợ',
  'uùúủũụ',
  'ưừứửữự',
  'yỳýỷỹỵ',
] as const

interface VowelInfo {
  /** the vowel without tone, same case */
  base: string
  tone: number
  upper: boolean
}

/** The toned forms of each base vowel (both cases), indexed by tone. */
const TONED = new Map<string, string[]>()
/** Every vowel character (both cases, all tones) → its base, tone and case. */
const VOWELS = new Map<string, VowelInfo>()

for (const row of VOWEL_ROWS) {
  const lower = [...row]
  const upper = lower.map((c) => c.toUpperCase())
  TONED.set(lower[0]!, lower)
  TONED.set(upper[0]!, upper)
  for (let t = 0; t < 6; t++) {
    VOWELS.set(lower[t]!, { base: lower[0]!, tone: t, upper: false })
    VOWELS.set(upper[t]!, { base: upper[0]!, tone: t, upper: true })
  }
}

/** Base, tone and case of a Vietnamese vowel character, or undefined for anything else. */
export const vowelInfo = (ch: string): VowelInfo | undefined => VOWELS.get(ch)

/** `base` (a toneless vowel, either case) carrying `tone`. */
export const withTone = (base: string, tone: number): string => TONED.get(base)?.[tone] ?? base

/** Vowels that carry a quality mark (breve, circumflex, horn): they take the tone in a cluster. */
export const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư'])

/** Characters that only Vietnamese uses among Latin scripts (besides tone-marked vowels). */
export const VIETNAMESE_ONLY = new Set(['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư', 'Ă', 'Â', 'Đ', 'Ê', 'Ô', 'Ơ', 'Ư'])

/** True for any vowel carrying one of the five tones. */
export const hasTone = (ch: string): boolean => (VOWELS.get(ch)?.tone ?? 0) !== TONE_NONE
