import { foldText } from '../../src/text/fold.js'
import { normalizeText } from '../../src/text/normalize.js'
import { type IndexToken, indexTokens } from '../../src/search/index-tokens.js'
import type { FieldNode, QueryNode, QueryWord, TextNode } from '../../src/search/query/ast.js'
import type { CorpusDoc } from './corpus.js'

/**
 * A deliberately naive evaluator of the query tree over the corpus in memory: the specification
 * the two database backends are checked against. It shares only the tokenizer with them.
 */
interface Doc {
  title: IndexToken[]
  text: IndexToken[]
  d: CorpusDoc
}

export const referenceDocs = (docs: CorpusDoc[]): Doc[] =>
  docs.map((d) => ({ d, title: indexTokens(d.title), text: indexTokens(`${d.title}\n\n${d.text}`) }))

const wordAt = (t: IndexToken, w: QueryWord, form: 'exact' | 'folded', prefix: boolean) =>
  prefix ? t[form].startsWith(w[form]) : t[form] === w[form]

/** Start positions where the words occur consecutively, all compared in `form`. */
function occurrences(
  tokens: IndexToken[],
  words: readonly QueryWord[],
  prefix: boolean,
  form: 'exact' | 'folded',
): number[] {
  const out: number[] = []
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => wordAt(tokens[i + j]!, w, form, prefix && j === words.length - 1))) out.push(i)
  }
  return out
}

const formOf = (words: readonly QueryWord[]) => (words.every((w) => w.useExact) ? 'exact' : 'folded')

/** Mixed words: the run is matched on folded forms and each diacritic word must also occur exactly. */
function exactWordsPresent(tokens: IndexToken[], nodes: TextNode[]): boolean {
  return nodes.every((n) =>
    n.words.every(
      (w, i) =>
        !w.useExact || occurrences(tokens, [w], n.prefix && i === n.words.length - 1, 'exact').length > 0,
    ),
  )
}

function evalText(doc: Doc, n: TextNode): boolean {
  const tokens = n.scope === 'title' ? doc.title : doc.text
  return occurrences(tokens, n.words, n.prefix, formOf(n.words)).length > 0 && exactWordsPresent(tokens, [n])
}

function evalNear(doc: Doc, a: TextNode, b: TextNode, max: number): boolean {
  const tokens = a.scope === 'title' ? doc.title : doc.text
  const form = formOf([...a.words, ...b.words])
  const as = occurrences(tokens, a.words, a.prefix, form)
  const bs = occurrences(tokens, b.words, b.prefix, form)
  const near = as.some((i) =>
    bs.some(
      (k) =>
        (k >= i + a.words.length && k - (i + a.words.length) <= max) ||
        (i >= k + b.words.length && i - (k + b.words.length) <= max),
    ),
  )
  return near && (form === 'exact' || exactWordsPresent(tokens, [a, b]))
}

function nameMatches(name: string, value: string, whole: boolean) {
  const v = normalizeText(value).toLowerCase()
  const exact = v !== foldText(v)
  const n = exact ? normalizeText(name).toLowerCase() : foldText(name)
  const want = exact ? v : foldText(v)
  return whole ? n === want : n.includes(want)
}

function evalField(doc: Doc, f: FieldNode): boolean {
  const d = doc.d
  switch (f.field) {
    case 'lang':
      return d.lang === f.value.toLowerCase()
    case 'country':
      return f.value.toUpperCase() === 'ZZ'
    case 'source':
      return nameMatches(d.source, f.value, false) || nameMatches(`import:${d.source}`, f.value, false)
    case 'topic':
      return (d.topics ?? []).some((t) => t === f.value || t.startsWith(`${f.value}.`))
    case 'place':
      return (d.places ?? []).some((p) => p.id === f.value || nameMatches(p.name, f.value, true))
    case 'date': {
      const at = new Date(d.published_at).toISOString()
      return (f.from === null || at >= f.from) && (f.to === null || at < f.to)
    }
    case 'tone': {
      const t = d.tone
      if (t === undefined) return false
      const lo = f.min === null || (f.minInclusive ? t >= f.min : t > f.min)
      const hi = f.max === null || (f.maxInclusive ? t <= f.max : t < f.max)
      return lo && hi
    }
  }
}

export function evaluate(doc: Doc, n: QueryNode): boolean {
  switch (n.kind) {
    case 'TextNode':
      return evalText(doc, n)
    case 'NearNode':
      return evalNear(doc, n.left, n.right, n.distance)
    case 'AndNode':
      return n.children.every((c) => evaluate(doc, c))
    case 'OrNode':
      return n.children.some((c) => evaluate(doc, c))
    case 'NotNode':
      return !evaluate(doc, n.child)
    case 'FieldNode':
      return evalField(doc, n)
  }
}
