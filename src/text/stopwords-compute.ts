/**
 * Computes data/stopwords-vi.txt from reference data read in place:
 *   node --import tsx src/text/stopwords-compute.ts [--out data/stopwords-vi.txt]
 * A word is kept when it is a function word — in the reference stopword list, or tagged mostly as a
 * function class (ADP, AUX, CCONJ, DET, PART, PRON, SCONJ) in UD Vietnamese-VTB train — and it occurs
 * in enough news articles (VNTC sample, segmented with the shipped segmenter).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { projectDataDir, sharedDataDir } from '../shared/paths.js'
import { normalizeText } from './normalize.js'
import { loadSegmenter } from './segment/segmenter.js'

/** Articles sampled from VNTC (every k-th line): enough for stable document frequencies. */
const SAMPLE_ARTICLES = 6000
/** A stopword must appear in at least this share of articles. */
const MIN_DOC_SHARE = 0.02
const FUNCTION_TAGS = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ'])
/** Share of a word's UD occurrences that must carry a function tag. */
const MIN_FUNCTION_SHARE = 0.6
/**
 * Reference-list words that UD tags as content words (share of function tags below this, seen at
 * least MIN_UD_COUNT times) are kept only when very frequent: drops `chia_sẻ`, `khoảng_cách`…
 */
const CONTENT_FUNCTION_SHARE = 0.2
const MIN_UD_COUNT = 3
const CONTENT_MIN_DOC_SHARE = 0.1
const LETTERS = /^\p{L}+(?:_\p{L}+)*$/u

const key = (w: string) => normalizeText(w).toLowerCase().replaceAll(' ', '_')

function udTagCounts(): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>()
  const text = readFileSync(sharedDataDir('ud-vtb', 'vi_vtb-ud-train.conllu'), 'utf8')
  for (const line of text.split('\n')) {
    const cols = line.split('\t')
    if (cols.length < 4 || line.startsWith('#')) continue
    const c = counts.get(key(cols[1]!)) ?? [0, 0]
    c[0]++
    if (FUNCTION_TAGS.has(cols[3]!)) c[1]++
    counts.set(key(cols[1]!), c)
  }
  return counts
}

function documentFrequencies(): { df: Map<string, number>; docs: number } {
  const lines = gunzipSync(readFileSync(sharedDataDir('vntc', 'vntc10-train.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
  const step = Math.max(1, Math.floor(lines.length / SAMPLE_ARTICLES))
  const seg = loadSegmenter()
  const df = new Map<string, number>()
  let docs = 0
  for (let i = 0; i < lines.length; i += step) {
    const { text } = JSON.parse(lines[i]!) as { text: string }
    const seen = new Set(seg.segment(normalizeText(text)).map((w) => w.toLowerCase()))
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1)
    docs++
  }
  return { df, docs }
}

export function computeStopwords(): string[] {
  const reference = readFileSync(
    sharedDataDir('vietnamese-stopwords', 'vietnamese-stopwords-dash.txt'),
    'utf8',
  )
  const ud = udTagCounts()
  const { df, docs } = documentFrequencies()
  const share = (w: string) => (df.get(w) ?? 0) / docs
  const content = (w: string) => {
    const [n, f] = ud.get(w) ?? [0, 0]
    return n >= MIN_UD_COUNT && f / n < CONTENT_FUNCTION_SHARE && share(w) < CONTENT_MIN_DOC_SHARE
  }
  const candidates = new Set(
    reference
      .split('\n')
      .map(key)
      .filter((w) => w !== '' && !content(w)),
  )
  for (const [w, [n, f]] of ud) if (f / n >= MIN_FUNCTION_SHARE) candidates.add(w)
  return [...candidates]
    .filter((w) => LETTERS.test(w) && share(w) >= MIN_DOC_SHARE)
    .sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || a.localeCompare(b, 'vi'))
}

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  const out = values.out ?? projectDataDir('stopwords-vi.txt')
  const words = computeStopwords()
  const header = [
    '# Hải Đăng Vietnamese stopwords: one word per line, syllables joined by "_", most frequent first.',
    '# Computed by src/text/stopwords-compute.ts: function words (reference list or UD function tags)',
    `# that occur in at least ${MIN_DOC_SHARE * 100}% of a ${SAMPLE_ARTICLES}-article news sample.`,
  ]
  writeFileSync(out, `${[...header, ...words].join('\n')}\n`)
  console.log(JSON.stringify({ out, words: words.length }))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
