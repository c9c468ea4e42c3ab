import { isAllCaps, toneKey } from './fold.js'
import { COMMON_PHRASES, COMPOUND_STARTS, LIST_JOINERS, OLD_MARKERS, contextWords } from './context-words.js'
import type { NameEntry, TrieNode } from './name-trie.js'
import { type Token, continuesName } from './tokenize.js'
import { TYPE_ABBREVIATIONS, TYPE_WORDS_EN, type TypeWord, typeWordsVi } from './type-words.js'

export type Field = 'title' | 'lead' | 'body'

/** One place-name occurrence in a field, before disambiguation. */
export interface Occurrence {
  field: Field
  /** token span [ti, tj) */
  ti: number
  tj: number
  sentence: number
  entries: NameEntry[]
  typeWord: TypeWord | null
  typeSource: 'before' | 'after' | 'list' | null
  /** followed by "(cũ)": the former unit */
  old: boolean
  /** matched without diacritics (unaccented text) */
  folded: boolean
  /** a one-syllable name opening a sentence ("Anh", "Mỹ"): weaker evidence */
  weakStart: boolean
  /** preceded by a building/settlement word or a house number ("chợ Bến Thành", "thôn Tân Thành", "19 Cát Linh") */
  afterInstitution: boolean
}

/** Share of tokens with diacritics above which a text is treated as written Vietnamese. */
const ACCENTED_SHARE = 0.12

export function isAccentedText(fields: Token[][]): boolean {
  let all = 0
  let accented = 0
  for (const tokens of fields) {
    all += tokens.length
    for (const t of tokens) if (!t.ascii) accented++
  }
  return all > 0 && accented / all >= ACCENTED_SHARE
}

const sentenceStart = (t: Token) => t.gap === 'start' || t.gap === 'hard' || t.gap === 'dot'

function typeWordBefore(tokens: Token[], i: number, accented: boolean): TypeWord | null {
  const t = tokens[i]!
  const prev = tokens[i - 1]
  if (!prev) return null
  const abbr = TYPE_ABBREVIATIONS.get(prev.folded)
  if (abbr && prev.raw.length <= 2 && (continuesName(t.gap) || t.gap === 'dot')) return abbr
  if (!continuesName(t.gap)) return null
  const words = typeWordsVi(accented)
  const key = (x: Token) => (accented ? toneKey(x.raw) : x.folded)
  const prev2 = tokens[i - 2]
  const two = prev2 && continuesName(prev.gap) ? words.get(`${key(prev2)} ${key(prev)}`) : undefined
  return two ?? words.get(key(prev)) ?? null
}

/** Entries at a trie node whose spelling, capitals and diacritics fit the text span. */
function fitting(
  entries: NameEntry[],
  span: Token[],
  accented: boolean,
): { fit: NameEntry[]; folded: boolean } {
  const spanAllCaps = span.every((t) => isAllCaps(t.raw) || /^\d+$/.test(t.raw))
  let form: string | null = null
  const fit: NameEntry[] = []
  let folded = false
  for (const e of entries) {
    const caseOk = e.caps.every((c, k) => {
      const t = span[k]!
      const exact = e.exact[k]
      return exact ? t.raw === exact : !c || t.cap || spanAllCaps
    })
    if (!caseOk) continue
    form ??= span.map((t) => toneKey(t.raw)).join(' ')
    if (e.form === form) fit.push(e)
    else if (!accented && span.every((t) => t.ascii)) {
      fit.push(e)
      folded = true
    }
  }
  return { fit, folded: folded && fit.length > 0 }
}

/** The longest name at token i whose written form fits the text. */
function longestAt(tokens: Token[], i: number, trie: TrieNode, accented: boolean) {
  const ends: { end: number; entries: NameEntry[] }[] = []
  let node: TrieNode | undefined = trie
  for (let j = i; j < tokens.length; j++) {
    if (j > i && !continuesName(tokens[j]!.gap)) break
    node = node.next.get(tokens[j]!.folded)
    if (!node) break
    if (node.entries) ends.push({ end: j + 1, entries: node.entries })
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const { end, entries } = ends[k]!
    const { fit, folded } = fitting(entries, tokens.slice(i, end), accented)
    if (fit.length > 0) return { tj: end, entries: fit, folded }
  }
  return null
}

/** A capitalised Vietnamese syllable right after the name: it is part of a longer proper name. */
function gluedAfter(tokens: Token[], tj: number, accented: boolean): boolean {
  const next = tokens[tj]
  if (!next || next.gap !== 'space' || !next.cap || next.ascii || isAllCaps(next.raw)) return false
  return !typeWordsVi(accented).has(accented ? toneKey(next.raw) : next.folded)
}

/**
 * … or right before it, not opening the sentence ("Tại Mỹ" is fine, "Minh Đức" is a person). A
 * one-syllable name is glued to any capitalised word ("Bùi Quang Anh"); a longer one only to a
 * Vietnamese syllable with diacritics, so "Bạch Mai Hà Nội" still names Hà Nội.
 */
function gluedBefore(tokens: Token[], ti: number, single: boolean): boolean {
  const prev = tokens[ti - 1]
  if (!prev || tokens[ti]!.gap !== 'space' || !prev.cap || isAllCaps(prev.raw) || sentenceStart(prev))
    return false
  return single || !prev.ascii
}

/** "KHÁT VỌNG HÒA BÌNH": an everyday phrase in an all-caps headline, not the province. */
function commonPhraseInCaps(tokens: Token[], ti: number, tj: number): boolean {
  const span = tokens.slice(ti, tj)
  return span.every((t) => isAllCaps(t.raw)) && COMMON_PHRASES.has(span.map((t) => t.folded).join(' '))
}

/** Words that open a person's particulars in brackets: "Việt Hùng (trú tại…)", "Hải Anh (SN 1990)". */
const PERSON_DETAILS = new Set(['sn', 'sinh', 'tru', 'que', 'ngu', 'tuoi'])

/** "Việt Hùng (1987)", "Việt Hùng (trú tại …)": the name is a person's. */
function personAfter(tokens: Token[], tj: number): boolean {
  const next = tokens[tj]
  if (!next || next.gap !== 'open') return false
  return /^(19|20)\d\d$/.test(next.raw) || PERSON_DETAILS.has(next.folded)
}

/** "19 Cát Linh": a house number, so a street named like a commune. */
const afterHouseNumber = (tokens: Token[], i: number) => {
  const prev = tokens[i - 1]
  return !!prev && tokens[i]!.gap === 'space' && /^\d+$/.test(prev.raw)
}

function listType(prev: Occurrence | undefined, tokens: Token[], ti: number): TypeWord | null {
  if (!prev?.typeWord) return null
  if (prev.tj === ti && tokens[ti]!.gap === 'comma') return prev.typeWord
  const between = tokens[ti - 1]
  const joined =
    prev.tj === ti - 1 && between && LIST_JOINERS.has(between.folded) && tokens[ti]!.gap === 'space'
  return joined ? prev.typeWord : null
}

function englishTypeAfter(tokens: Token[], tj: number): TypeWord | null {
  const next = tokens[tj]
  return next && next.gap === 'space' ? (TYPE_WORDS_EN.get(next.raw.toLowerCase()) ?? null) : null
}

/** Finds place-name occurrences in one field (greedy, longest first, left to right). */
export function scanField(field: Field, tokens: Token[], trie: TrieNode, accented: boolean): Occurrence[] {
  const out: Occurrence[] = []
  const ctx = contextWords()
  for (let i = 0; i < tokens.length; ) {
    const hit = longestAt(tokens, i, trie, accented)
    if (!hit) {
      i++
      continue
    }
    const { tj } = hit
    const before = typeWordBefore(tokens, i, accented)
    const after = before ? null : englishTypeAfter(tokens, tj)
    const inherited = before || after ? null : listType(out.at(-1), tokens, i)
    const typeWord = before ?? after ?? inherited
    const single = tj - i === 1
    const next = tokens[tj]
    const entries = typeWord ? hit.entries : hit.entries.filter((e) => !e.numeric)
    const rejected =
      entries.length === 0 ||
      gluedAfter(tokens, tj, accented) ||
      (!typeWord &&
        (ctx.notPlace.endsBefore(tokens, i, accented) > 0 ||
          gluedBefore(tokens, i, single) ||
          personAfter(tokens, tj) ||
          commonPhraseInCaps(tokens, i, tj) ||
          (single && next?.gap === 'space' && !!COMPOUND_STARTS.get(tokens[i]!.folded)?.has(next.folded))))
    if (!rejected) {
      out.push({
        field,
        ti: i,
        tj,
        sentence: tokens[i]!.sentence,
        entries,
        typeWord,
        typeSource: before ? 'before' : after ? 'after' : inherited ? 'list' : null,
        old: !!next && OLD_MARKERS.has(next.folded) && next.gap !== 'hard',
        folded: hit.folded,
        weakStart: single && sentenceStart(tokens[i]!) && COMPOUND_STARTS.has(tokens[i]!.folded),
        afterInstitution:
          !typeWord && (ctx.institution.endsBefore(tokens, i, accented) > 0 || afterHouseNumber(tokens, i)),
      })
    }
    i = tj
  }
  return out
}
