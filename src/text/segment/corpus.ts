import { readFileSync } from 'node:fs'

/** A gold-segmented sentence: its words, each an array of syllables. */
export type GoldSentence = string[][]

/** Column index of FORM in a CoNLL-U token line. */
const CONLLU_FORM = 1

/**
 * Reads a CoNLL-U file where a multi-syllable word is one token with spaces inside (UD Vietnamese).
 * Multi-word ranges (`3-4`) and empty nodes (`5.1`) are skipped.
 */
export function readConllu(path: string): GoldSentence[] {
  const out: GoldSentence[] = []
  let words: string[][] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') {
      if (words.length > 0) out.push(words)
      words = []
      continue
    }
    if (line.startsWith('#')) continue
    const cols = line.split('\t')
    const id = cols[0] ?? ''
    if (id.includes('-') || id.includes('.')) continue
    const form = cols[CONLLU_FORM]?.trim()
    if (form) words.push(form.split(/\s+/))
  }
  if (words.length > 0) out.push(words)
  return out
}

/** Reads text with one sentence per line, words separated by spaces and syllables joined by `_`. */
export function readUnderscoreCorpus(path: string): GoldSentence[] {
  const out: GoldSentence[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean)
    if (tokens.length === 0) continue
    out.push(tokens.map((w) => (w === '_' ? [w] : w.split('_').filter(Boolean))))
  }
  return out
}

/** Java serialization markers used by the `VnVocab` HashSet file. */
const TC_STRING = 0x74
const BLOCK_HEADER = [0x78, 0x70, 0x77] // end of class description, no superclass, block data

/**
 * Reads a vocabulary stored as a serialized `java.util.HashSet<String>` (RDRsegmenter's VnVocab):
 * after the block-data header come the strings one after another (`t`, u16 length, UTF-8 bytes).
 */
export function readJavaStringSet(path: string): string[] {
  const b = readFileSync(path)
  let p = b.indexOf(Buffer.from(BLOCK_HEADER))
  if (p < 0) return []
  p += BLOCK_HEADER.length + 1 + b[p + BLOCK_HEADER.length]!
  const words: string[] = []
  while (p + 3 <= b.length && b[p] === TC_STRING) {
    const len = b.readUInt16BE(p + 1)
    words.push(b.toString('utf8', p + 3, p + 3 + len))
    p += 3 + len
  }
  return words
}
