import { toneKey } from './fold.js'
import type { PlaceRecord } from './place-record.js'
import { tokenize } from './tokenize.js'

/** One written form of one place, stored at the trie node of its folded syllables. */
export interface NameEntry {
  id: string
  /** tone keys of the syllables, space-joined: compared when the text has diacritics */
  form: string
  /** per syllable: must the text syllable be capitalised? (follows the capitals in the written name) */
  caps: boolean[]
  /** per syllable: exact spelling required (short all-caps acronyms: US, UK, HCM, BR-VT) */
  exact: (string | null)[]
  /** the official name, not an alias */
  primary: boolean
  /** the name is only digits ("Phường 1"): needs a type word */
  numeric: boolean
}

export interface TrieNode {
  next: Map<string, TrieNode>
  entries: NameEntry[] | null
}

/** Acronym tokens shorter than this must match case exactly ("US" ≠ "us"); "TP" is a type abbreviation. */
const MAX_ACRONYM_LETTERS = 5
const CASE_FREE_ACRONYMS = new Set(['TP', 'TX', 'TT'])

const isAcronym = (raw: string) =>
  raw.length <= MAX_ACRONYM_LETTERS &&
  raw === raw.toUpperCase() &&
  raw !== raw.toLowerCase() &&
  !CASE_FREE_ACRONYMS.has(raw)

export const newTrie = (): TrieNode => ({ next: new Map(), entries: null })

/** Adds every written form (name + aliases) of a record; returns the number of entries added. */
export function addRecord(root: TrieNode, r: PlaceRecord): number {
  const forms = new Set([r.name, ...r.aliases])
  let added = 0
  for (const written of forms) {
    const toks = tokenize(written.normalize('NFC'))
    if (toks.length === 0) continue
    let node = root
    for (const t of toks) {
      let child = node.next.get(t.folded)
      if (!child) {
        child = newTrie()
        node.next.set(t.folded, child)
      }
      node = child
    }
    const entry: NameEntry = {
      id: r.id,
      form: toks.map((t) => toneKey(t.raw)).join(' '),
      caps: toks.map((t) => t.cap),
      exact: toks.map((t) => (isAcronym(t.raw) ? t.raw : null)),
      primary: written === r.name,
      numeric: toks.every((t) => /^\d+$/.test(t.raw)),
    }
    node.entries ??= []
    node.entries.push(entry)
    added++
  }
  return added
}
