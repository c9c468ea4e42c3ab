import { STORY_BODY_CHARS, type Words, foldWord } from '../article-text.js'
import { normalizeText } from '../../text/normalize.js'
import { stopwords } from '../../text/stopwords.js'
import { tokenize } from '../../text/tokenize.js'

/** Terms kept per article or story: enough to compare events, small enough to store as JSON. */
export const MAX_TERMS = 40
/** Title words say more about the event than body words. */
const TITLE_WEIGHT = 3
const LEAD_WEIGHT = 2

export type TermVector = Record<string, number>

const words = (text: string): Words => {
  const w = tokenize(normalizeText(text))
    .filter((t) => t.kind === 'word')
    .map((t) => t.text.toLowerCase())
  return { words: w, folded: w.map(foldWord) }
}

/**
 * A unit-length vector of folded syllable bigrams and content unigrams from the title, lead and the
 * start of the body. Bigrams carry Vietnamese words ("lũ quét", "buôn ma") without a segmenter.
 */
export function termVector(a: { title: string; lead: string; body: string; lang: string }): TermVector {
  return termVectorOf(
    { title: words(a.title), lead: words(a.lead), bodyStart: words(a.body.slice(0, STORY_BODY_CHARS)) },
    a.lang,
  )
}

/** The same from the article's words (see `articleWords`): lowercase word tokens and their folded forms. */
export function termVectorOf(a: { title: Words; lead: Words; bodyStart: Words }, lang: string): TermVector {
  const stop = stopwords(lang)
  const counts = new Map<string, number>()
  const add = ({ words, folded }: Words, weight: number) => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      const stopped = stop.has(w)
      if (!stopped && w.length > 1) counts.set(folded[i]!, (counts.get(folded[i]!) ?? 0) + weight)
      const next = words[i + 1]
      if (next !== undefined && !(stopped && stop.has(next))) {
        const bi = `${folded[i]}_${folded[i + 1]}`
        counts.set(bi, (counts.get(bi) ?? 0) + weight * 1.5)
      }
    }
  }
  add(a.title, TITLE_WEIGHT)
  add(a.lead, LEAD_WEIGHT)
  add(a.bodyStart, 1)
  const top = topEntries(counts, MAX_TERMS)
  const norm = Math.sqrt(top.reduce((s, [, v]) => s + v * v, 0)) || 1
  return Object.fromEntries(top.map(([k, v]) => [k, Math.round((v / norm) * 1000) / 1000]))
}

/**
 * The first `n` entries of the map sorted by value, largest first, ties in insertion order (what a
 * stable sort of all entries gives), sorting only the entries that can make the cut.
 */
export function topEntries(m: Map<string, number>, n: number): [string, number][] {
  if (m.size <= n) return [...m].sort((x, y) => y[1] - x[1])
  const values = Float64Array.from(m.values()).sort()
  const cut = values[values.length - n]!
  let atCut = 0
  for (let i = values.length - n; i < values.length && values[i] === cut; i++) atCut++
  const out: [string, number][] = []
  for (const e of m) {
    if (e[1] > cut) out.push(e)
    else if (e[1] === cut && atCut > 0) {
      out.push(e)
      atCut--
    }
  }
  return out.sort((x, y) => y[1] - x[1])
}

/** Terms as small integers, so a vector is read as two typed arrays. Renumbered when too many. */
const MAX_VOCABULARY = 200_000
let vocabulary = new Map<string, number>()
let vocabularyGeneration = 0
/** A weight per term id: the vector compared with many, set and cleared around each comparison. */
let scratch = new Float64Array(1 << 16)

interface VectorView {
  generation: number
  ids: Int32Array
  weights: Float64Array
}
/** A vector's term ids and weights in its key order; vectors are never mutated, so cached. */
const views = new WeakMap<TermVector, VectorView>()

function termId(term: string): number {
  let id = vocabulary.get(term)
  if (id === undefined) {
    id = vocabulary.size
    vocabulary.set(term, id)
  }
  return id
}

function view(v: TermVector): VectorView {
  let x = views.get(v)
  if (x === undefined || x.generation !== vocabularyGeneration) {
    const terms = Object.keys(v)
    x = {
      generation: vocabularyGeneration,
      ids: new Int32Array(terms.length),
      weights: new Float64Array(terms.length),
    }
    for (let i = 0; i < terms.length; i++) {
      x.ids[i] = termId(terms[i]!)
      x.weights[i] = v[terms[i]!]!
    }
    views.set(v, x)
  }
  return x
}

/**
 * `cosine(b, a)` for each `b` of many vectors. The article's vector is spread into a weight array by
 * term id once, and each other vector is read as typed arrays of its term ids and weights (cached per
 * vector: a story's centroid is compared with every article of its window). Reading keys of many
 * differently-shaped objects (`b[k]`, `for…in`) was most of an article's story time. The sum runs in
 * `b`'s key order and skips only terms `a` lacks (or weighs 0), so it equals `cosine(b, a)` exactly.
 */
export function similarities(a: TermVector, bs: TermVector[]): Float64Array {
  if (vocabulary.size > MAX_VOCABULARY) {
    vocabulary = new Map()
    vocabularyGeneration++
  }
  const mine = view(a)
  const views = bs.map(view)
  if (scratch.length < vocabulary.size) scratch = new Float64Array(vocabulary.size * 2)
  for (let i = 0; i < mine.ids.length; i++) scratch[mine.ids[i]!] = mine.weights[i]!
  const out = new Float64Array(bs.length)
  for (let k = 0; k < views.length; k++) {
    const { ids, weights } = views[k]!
    let dot = 0
    for (let i = 0; i < ids.length; i++) {
      const w = scratch[ids[i]!]!
      if (w !== 0) dot += w * weights[i]!
    }
    out[k] = dot
  }
  for (let i = 0; i < mine.ids.length; i++) scratch[mine.ids[i]!] = 0
  return out
}

/** `similarities` for one vector at a time. */
export const similarityTo =
  (a: TermVector) =>
  (b: TermVector): number =>
    similarities(a, [b])[0]!

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0
  for (const k in a) {
    const w = b[k]
    if (w !== undefined) dot += a[k]! * w
  }
  return dot
}

/** A story's centroid after adding one article (running mean, renormalised, trimmed to MAX_TERMS). */
export function mergeCentroid(centroid: TermVector, count: number, v: TermVector): TermVector {
  const sum = new Map<string, number>()
  for (const [k, w] of Object.entries(centroid)) sum.set(k, w * count)
  for (const [k, w] of Object.entries(v)) sum.set(k, (sum.get(k) ?? 0) + w)
  const top = topEntries(sum, MAX_TERMS)
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1
  return Object.fromEntries(top.map(([k, w]) => [k, Math.round((w / norm) * 1000) / 1000]))
}
