import { projectDataDir } from '../../shared/paths.js'
import { type Token, tokenize } from '../tokenize.js'
import type { SegmenterModel } from './model.js'
import { loadModel } from './model-file.js'

/** The shipped model, trained by `node --import tsx scripts/train-segmenter.ts`. */
export const defaultSegmenterPath = (): string => projectDataDir('models', 'segmenter.bin.gz')

export interface Segmenter {
  /** Words of one sentence, the syllables of each word joined by `_`; punctuation tokens are words. */
  segment(sentence: string): string[]
  /**
   * The same line with the whitespace inside each multi-syllable word replaced by `_`; everything
   * else (other spacing, punctuation, text the tokenizer skips) is kept exactly as in the input.
   */
  segmentLine(line: string): string
  /** joins[g] = 1 when syllable g continues the word of syllable g-1 (pre-tokenised input). */
  joinSyllables(syllables: readonly string[]): Uint8Array
  readonly model: SegmenterModel
}

const loaded = new Map<string, Segmenter>()

/** Loads (once per path) the segmenter model file and returns the segmenter. Throws MODEL_MISSING. */
export function loadSegmenter(path: string = defaultSegmenterPath()): Segmenter {
  let s = loaded.get(path)
  if (s === undefined) {
    s = createSegmenter(loadModel(path))
    loaded.set(path, s)
  }
  return s
}

/** Word tokens and numbers may form words; punctuation and symbols always stand alone. */
const joinable = (t: Token) => t.kind === 'word' || t.kind === 'number'

export function createSegmenter(model: SegmenterModel): Segmenter {
  let joins = new Uint8Array(256)
  const run = (tokens: Token[]): Uint8Array => {
    if (joins.length < tokens.length) joins = new Uint8Array(tokens.length * 2)
    model.predict(
      tokens.map((t) => t.text),
      joins,
    )
    for (let g = 1; g < tokens.length; g++) {
      if (!joinable(tokens[g]!) || !joinable(tokens[g - 1]!)) joins[g] = 0
    }
    return joins
  }
  return {
    model,
    joinSyllables(syllables) {
      const out = new Uint8Array(syllables.length)
      model.predict(syllables, out)
      return out
    },
    segment(sentence) {
      const tokens = tokenize(sentence)
      const j = run(tokens)
      const words: string[] = []
      for (let g = 0; g < tokens.length; g++) {
        if (g > 0 && j[g] === 1) words[words.length - 1] += `_${tokens[g]!.text}`
        else words.push(tokens[g]!.text)
      }
      return words
    },
    segmentLine(line) {
      const tokens = tokenize(line)
      const j = run(tokens)
      let out = ''
      let from = 0
      for (let g = 1; g < tokens.length; g++) {
        if (j[g] !== 1) continue
        const prevEnd = tokens[g - 1]!.end
        const start = tokens[g]!.start
        if (start === prevEnd) continue
        out += `${line.slice(from, prevEnd)}_`
        from = start
      }
      return out + line.slice(from)
    },
  }
}
