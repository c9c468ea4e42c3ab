import { foldKey, nameKey } from './fold.js'
import type { PlaceLevel } from './place-record.js'

/** What a type word before (or, in English, after) a name says about the unit it names. */
export interface TypeWord {
  word: string
  levels: PlaceLevel[]
  /** record types that fit; empty = any type of the levels */
  types: string[]
  /** only units of the pre-2025 list have this type (huyện, quận, thị xã, thị trấn) */
  pre2025Only: boolean
}

const tw = (word: string, levels: PlaceLevel[], types: string[], pre2025Only = false): TypeWord => ({
  word,
  levels,
  types,
  pre2025Only,
})
const CITY: TypeWord = tw(
  'thành phố',
  ['province', 'district'],
  ['thành phố trực thuộc trung ương', 'thành phố'],
)

const VI_WORDS: TypeWord[] = [
  tw('tỉnh', ['province'], ['tỉnh']),
  CITY,
  tw('quận', ['district'], ['quận'], true),
  tw('huyện', ['district'], ['huyện'], true),
  tw('huyện đảo', ['district'], ['huyện'], true),
  tw('thị xã', ['district'], ['thị xã'], true),
  tw('thị trấn', ['commune'], ['thị trấn'], true),
  tw('xã', ['commune'], ['xã']),
  tw('phường', ['commune'], ['phường']),
  tw('đặc khu', ['commune'], ['đặc khu']),
]
let viMemo: { accented: Map<string, TypeWord>; folded: Map<string, TypeWord> } | null = null

/**
 * Vietnamese type words keyed by the tone keys of their syllables (so "Xã", "xã" and "XÃ" all fit),
 * and by folded syllables for text written without diacritics.
 */
export function typeWordsVi(accented: boolean): Map<string, TypeWord> {
  viMemo ??= {
    accented: new Map(VI_WORDS.map((t) => [nameKey(t.word), t])),
    folded: new Map(VI_WORDS.map((t) => [foldKey(t.word), t])),
  }
  return accented ? viMemo.accented : viMemo.folded
}

/** Abbreviations compared folded, in any case: "TP.", "Tp", "TX", "TT". */
export const TYPE_ABBREVIATIONS = new Map<string, TypeWord>([
  ['tp', CITY],
  ['tx', tw('thị xã', ['district'], ['thị xã'], true)],
  ['tt', tw('thị trấn', ['commune'], ['thị trấn'], true)],
])

/** English type words after the name ("Quang Ninh province", "Binh Tan district"). */
export const TYPE_WORDS_EN = new Map<string, TypeWord>([
  ['province', tw('province', ['province'], ['tỉnh'])],
  ['city', CITY],
  ['district', tw('district', ['district'], [], true)],
  ['commune', tw('commune', ['commune'], ['xã'])],
  ['ward', tw('ward', ['commune'], ['phường'])],
  ['town', tw('town', ['district', 'commune'], ['thị xã', 'thị trấn'], true)],
])

export function typeFits(t: TypeWord, level: PlaceLevel, type: string, formerTypes: string[] = []): boolean {
  if (!t.levels.includes(level)) return false
  return t.types.length === 0 || t.types.includes(type) || formerTypes.some((f) => t.types.includes(f))
}
