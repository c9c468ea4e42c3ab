import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { projectDataDir } from '../../shared/paths.js'
import { normalizeText } from '../../text/normalize.js'

/** Longest lexicon entry, in syllables/words ("phân biệt đối xử", "lifted out of poverty"). */
export const MAX_ENTRY_WORDS = 4

export interface ToneLexicon {
  lang: string
  /** normalized lowercase entry (words joined by one space) → weight, about −3…+3 */
  entries: Map<string, number>
  negators: Set<string>
  /** word before a hit → multiplier */
  intensifiers: Map<string, number>
}

const FILE = z.object({ lang: z.string(), entries: z.record(z.string(), z.number().min(-5).max(5)) })

/** Words that flip the polarity of a hit within the next few words ("không thành công", "not successful"). */
const NEGATORS: Record<string, string[]> = {
  vi: ['không', 'chưa', 'chẳng', 'chả', 'đâu có', 'không hề', 'chưa hề', 'chẳng hề', 'thiếu', 'không phải'],
  en: ['not', 'no', 'never', "n't", 'without', 'nor', 'hardly', 'lack', 'neither'],
}
const INTENSIFIERS: Record<string, Record<string, number>> = {
  vi: {
    rất: 1.5,
    'cực kỳ': 1.8,
    'vô cùng': 1.8,
    'hết sức': 1.6,
    'đặc biệt': 1.4,
    quá: 1.4,
    khá: 1.2,
    'nghiêm trọng': 1.6,
    'hoàn toàn': 1.5,
  },
  en: {
    very: 1.5,
    extremely: 1.8,
    highly: 1.5,
    deeply: 1.6,
    seriously: 1.6,
    severely: 1.7,
    greatly: 1.5,
    strongly: 1.5,
    totally: 1.5,
  },
}

const key = (s: string) => normalizeText(s).toLowerCase()

/** Reads the shipped lexicon of a language (data/lexicons/tone-<lang>.json); editable by the office. */
export function loadToneLexicon(
  lang: 'vi' | 'en',
  file = projectDataDir('lexicons', `tone-${lang}.json`),
): ToneLexicon {
  const data = FILE.parse(JSON.parse(readFileSync(file, 'utf8')))
  return {
    lang,
    entries: new Map(Object.entries(data.entries).map(([k, v]) => [key(k), v])),
    negators: new Set((NEGATORS[lang] ?? []).map(key)),
    intensifiers: new Map(Object.entries(INTENSIFIERS[lang] ?? {}).map(([k, v]) => [key(k), v])),
  }
}
