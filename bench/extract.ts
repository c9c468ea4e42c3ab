/**
 * Article extraction benchmark over Mozilla Readability's 130 test pages (read in place from the
 * shared data folder): mean word-level F1 of `articleBody` against the text of each `expected.html`,
 * and pages/s, for our extractor and for the named baseline (@mozilla/readability 0.6.0 + linkedom
 * 0.18.15, its `textContent`) in the same process; the ratio; peak RSS; the worst pages.
 *
 *   node --import tsx bench/extract.ts [--worst 15] [--only <slug>]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { extractArticle } from '../src/ingest/extract/extract-article.js'
import { parseHtml } from '../src/ingest/extract/parse-html.js'
import { readabilityParse } from '../src/ingest/extract/readability-baseline.js'
import { toText } from '../src/ingest/extract/serialize.js'
import { wordF1 } from '../src/ingest/extract/word-f1.js'
import { sharedDataDir } from '../src/shared/paths.js'

/** The test pages were captured with this URL as their base (Readability's test harness). */
const PAGE_URL = 'http://fakehost/test/page.html'

interface Page {
  slug: string
  source: string
  expected: string
}

function loadPages(only: string | undefined): Page[] {
  const dir = sharedDataDir('readability-test-pages')
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!only || d.name === only))
    .map((d) => ({
      slug: d.name,
      source: readFileSync(join(dir, d.name, 'source.html'), 'utf8'),
      expected: toText(parseHtml(readFileSync(join(dir, d.name, 'expected.html'), 'utf8')).root),
    }))
}

function run(pages: Page[], extract: (html: string) => string): { texts: string[]; seconds: number } {
  extract(pages[0]!.source) // warm-up
  const t0 = process.hrtime.bigint()
  const texts = pages.map((p) => extract(p.source))
  return { texts, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }
}

const { values } = parseArgs({
  options: { worst: { type: 'string', default: '15' }, only: { type: 'string' } },
})
const pages = loadPages(values.only)
let fallbacks = 0
const ours = run(pages, (html) => {
  const a = extractArticle(html, { url: PAGE_URL })
  if (a.warnings.includes('readability-fallback')) fallbacks++
  return a.articleBody
})
fallbacks = Math.round((fallbacks * pages.length) / (pages.length + 1)) // minus the warm-up run
const base = run(pages, (html) => readabilityParse(html)?.textContent ?? '')

const rows = pages.map((p, i) => ({
  slug: p.slug,
  ours: wordF1(ours.texts[i]!, p.expected),
  base: wordF1(base.texts[i]!, p.expected),
}))
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
const f1Ours = mean(rows.map((r) => r.ours.f1))
const f1Base = mean(rows.map((r) => r.base.f1))
const ppsOurs = pages.length / ours.seconds
const ppsBase = pages.length / base.seconds

console.log(`pages: ${pages.length}`)
console.table({
  'ours (htmlparser2 tree)': { meanF1: f1Ours.toFixed(4), pagesPerSec: ppsOurs.toFixed(1), fallbacks },
  'baseline readability+linkedom': {
    meanF1: f1Base.toFixed(4),
    pagesPerSec: ppsBase.toFixed(1),
    fallbacks: '-',
  },
})
console.log(
  `F1 ours - baseline: ${(f1Ours - f1Base).toFixed(4)}; speed ratio ours/baseline: ${(ppsOurs / ppsBase).toFixed(2)}x`,
)
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
const worst = [...rows]
  .sort((a, b) => a.ours.f1 - a.base.f1 - (b.ours.f1 - b.base.f1))
  .slice(0, Number(values.worst))
if (process.env.BENCH_ALL)
  for (const r of rows)
    if (Math.abs(r.ours.f1 - r.base.f1) > 1e-4)
      console.log(r.slug, r.ours.f1.toFixed(4), r.base.f1.toFixed(4))
console.log('\nworst pages (ours − baseline):')
console.table(
  worst.map((r) => ({
    slug: r.slug,
    ours: r.ours.f1.toFixed(3),
    P: r.ours.precision.toFixed(2),
    R: r.ours.recall.toFixed(2),
    base: r.base.f1.toFixed(3),
  })),
)
