/**
 * Analysis figures for ~3,000-character articles, CPU ms per article, median and p95:
 * - full analysis, the real path: `runAnalysis` (what `haidang analyze --all`, the demo load and the
 *   `analyze.pending` job run) on SQLite, batches of ANALYSIS_BATCH articles each read, analyzed and
 *   written in one transaction with the open stories kept in memory; a batch's CPU time divided by its
 *   articles is one sample (amortized per article), median and p95 over the batches;
 * - one article alone: `analyzeArticle` (the `analyze.article` job after each ingested article),
 *   which reads the open stories it can join and writes in its own transaction;
 * - the pure stages (`draftAnalysis`, no database) and each stage apart;
 * beside the named baseline "language + tone" (language detection and article tone only) run in the
 * same process; model load times; peak RSS of a child process that imports and analyzes a corpus of
 * 30,000 VNTC articles with `runAnalysis`. One process, one thread: better-sqlite3 runs every query
 * synchronously on the main thread. Target: full analysis ≤ 3 ms median.
 *
 *   node --import tsx bench/analyze.ts [--articles 2200] [--single 500] [--corpus 30000]   (--corpus 0 skips it)
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'
import { analyzeArticle, type Home } from '../src/analyze/analyze-article.js'
import type { Analyzer } from '../src/analyze/analyzer.js'
import { articleWords } from '../src/analyze/article-text.js'
import { draftAnalysis, homeNamesOf } from '../src/analyze/draft-analysis.js'
import { findPlaces } from '../src/analyze/places/find-places.js'
import { loadGazetteer } from '../src/analyze/places/gazetteer.js'
import { homeRelevance } from '../src/analyze/places/home-relevance.js'
import type { PlaceMention } from '../src/analyze/places/place-record.js'
import { resolveHome } from '../src/analyze/resolve-home.js'
import { ANALYSIS_BATCH, runAnalysis } from '../src/analyze/run-analysis.js'
import { termVectorOf } from '../src/analyze/stories/story-terms.js'
import { loadToneLexicon } from '../src/analyze/tone/lexicon.js'
import { scoreSentencesNaming, scoreWords } from '../src/analyze/tone/score-tone.js'
import { loadNewsModel } from '../src/analyze/topics/news/news-model.js'
import { prepareWords } from '../src/analyze/topics/rules/prepared-text.js'
import { loadTaxonomy } from '../src/analyze/topics/rules/taxonomy.js'
import { type Db, openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { insertLocality } from '../src/db/tables/localities.js'
import { upsertSource } from '../src/db/tables/sources.js'
import { dedupeColumns } from '../src/ingest/dedupe/dedupe-columns.js'
import { fingerprint } from '../src/ingest/dedupe/fingerprint.js'
import { silentLogger } from '../src/shared/logger.js'
import { sharedDataDir } from '../src/shared/paths.js'
import { loadLanguageDetector } from '../src/text/language.js'

const ARTICLE_CHARS = 3000
/** Articles analyzed before timing starts: JIT warm-up, and enough stories for a steady open set. */
const WARM_UP = 200
/** Publication rate of the synthetic stream: about what a provincial office follows in a day. */
const ARTICLES_PER_DAY = 1000
const START = Date.parse('2026-01-05T00:00:00Z')
/** Rows per INSERT: ~30 columns each, well under SQLite's bound-parameter limit. */
const INSERT_ROWS = 100
/** VNTC text opens with the title, then often "(Source)-" or a full stop. */
const TITLE_END = /^(.{15,160}?)(?:\s*\([^()]{1,30}\)\s*[-–]\s*|[.!?]\s+|\n)/s
const SENTENCE_END = /^(.{20,400}?[.!?])\s+/s

const { values: opts } = parseArgs({
  options: {
    articles: { type: 'string', default: '2200' },
    single: { type: 'string', default: '500' },
    corpus: { type: 'string', default: '30000' },
    'rss-run': { type: 'string' },
  },
})

interface Article {
  title: string
  lead: string
  body: string
}

/** Splits VNTC text into title, lead (first sentence) and body. */
function split(text: string): Article {
  const t = TITLE_END.exec(text)
  const title = t ? t[1]!.trim() : text.slice(0, 100).replace(/\s\S*$/, '')
  const rest = text.slice(t ? t[0].length : title.length).trim()
  const l = SENTENCE_END.exec(rest)
  return { title, lead: l ? l[1]! : '', body: rest.slice(l ? l[0].length : 0) }
}

async function* vntc(): AsyncGenerator<{ label: string; text: string }> {
  const lines = createInterface({
    input: createReadStream(sharedDataDir('vntc/vntc10-train.jsonl.gz')).pipe(createGunzip()),
  })
  for await (const line of lines) yield JSON.parse(line) as { label: string; text: string }
}

/** n articles of exactly ARTICLE_CHARS characters (title + lead + body), joining texts of one topic. */
async function composed(n: number): Promise<Article[]> {
  const out: Article[] = []
  const buf = new Map<string, string>()
  for await (const d of vntc()) {
    const b = `${buf.get(d.label) ?? ''}${d.text}\n`
    if (b.length < ARTICLE_CHARS) buf.set(d.label, b)
    else {
      out.push(split(b.slice(0, ARTICLE_CHARS + 2)))
      buf.delete(d.label)
    }
    if (out.length >= n) break
  }
  return out
}

/** n articles, one per VNTC text as it is (any length): the corpus for the memory run. */
async function corpus(n: number): Promise<Article[]> {
  const out: Article[] = []
  for await (const d of vntc()) {
    out.push(split(d.text))
    if (out.length >= n) break
  }
  return out
}

const cpuMs = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}
/**
 * Wall and CPU ms of one call. The machine is shared: wall time also measures the neighbours, CPU time
 * (process-wide: includes V8's GC helper threads) much less so.
 */
interface Timing {
  wall: number
  cpu: number
}
function timeOne(f: () => void): Timing {
  const c = cpuMs()
  const t = performance.now()
  f()
  return { wall: performance.now() - t, cpu: cpuMs() - c }
}
async function timeAsync(f: () => Promise<unknown>): Promise<Timing> {
  const c = cpuMs()
  const t = performance.now()
  await f()
  return { wall: performance.now() - t, cpu: cpuMs() - c }
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!
}
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const f3 = (x: number) => x.toFixed(3)

/** Loads what analysis needs, each part timed (wall ms), as `createAnalyzer` would. */
async function loadAnalyzer(): Promise<{ an: Analyzer; loads: [string, number][] }> {
  const loads: [string, number][] = []
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now()
    const r = await f()
    loads.push([name, performance.now() - t])
    return r
  }
  const an: Analyzer = {
    language: await timed('language detector (eld small + lexicon)', loadLanguageDetector),
    gazetteer: await timed('gazetteer (shipped)', () => loadGazetteer()),
    taxonomy: await timed('office taxonomy', () => loadTaxonomy()),
    tone: await timed('tone lexicons vi + en', () => ({
      vi: loadToneLexicon('vi'),
      en: loadToneLexicon('en'),
    })),
    news: await timed('news topic model', () => loadNewsModel()),
  }
  return { an, loads }
}

async function openTempDb(dir: string): Promise<Db> {
  const store = await openDatabase({ url: `sqlite:${join(dir, 'bench.sqlite')}`, dataDir: dir })
  await migrateToLatest(store.db, store.dialect)
  const vn = await insertLocality(store.db, { level: 'country', name: 'Việt Nam' })
  await insertLocality(store.db, { level: 'province', name: 'Đắk Lắk', parentId: vn.id, isHome: true })
  return store
}

/** Stores articles as ingest would (fingerprint and bands included), a stream of ARTICLES_PER_DAY. */
async function importArticles(store: Db, articles: Article[], offset = 0): Promise<void> {
  const source = await upsertSource(store.db, {
    name: 'Báo Mẫu',
    homepage: 'https://bao-mau.example/',
    country: 'VN',
    lang: 'vi',
    kind: 'domestic',
  })
  for (let i = 0; i < articles.length; i += INSERT_ROWS) {
    const rows = articles.slice(i, i + INSERT_ROWS).map((a, k) => {
      const at = new Date(START + ((offset + i + k) * 86_400_000) / ARTICLES_PER_DAY).toISOString()
      const url = `${source.homepage}bai-${offset + i + k}`
      return {
        source_id: source.id,
        feed_id: null,
        url,
        canonical_url: url,
        title: a.title,
        author: null,
        published_at: at,
        modified_at: null,
        fetched_at: at,
        lang: 'vi',
        lead: a.lead,
        body_text: a.body,
        content_html: '',
        image_url: null,
        word_count: a.body.split(/\s+/).length,
        ...dedupeColumns(fingerprint(`${a.title}\n${a.body}`)),
        dup_of: null,
        warnings: null,
        created_at: at,
      }
    })
    await store.db.insertInto('articles').values(rows).execute()
  }
}

/** The pure stages as `draftAnalysis` calls them, each returning what the next may need. */
function pureStages(an: Analyzer, home: Home) {
  const lex = an.tone.vi!
  const homeNames = homeNamesOf(home)
  const all = (a: Article) => `${a.title}\n${a.lead}\n${a.body}`
  let places: PlaceMention[] = []
  let words = articleWords({ title: '', lead: '', body: '' })
  const stages: [string, (a: Article) => unknown][] = [
    ['language', (a) => an.language.detect(all(a), { declared: 'vi' })],
    [
      'places',
      (a) => {
        places = findPlaces(a, an.gazetteer, home.placeId ? { home: home.placeId } : {})
      },
    ],
    ['home relevance', () => (home.placeId ? homeRelevance(places, an.gazetteer, home.placeId) : null)],
    [
      'words (normalize, tokenize, fold once)',
      (a) => {
        words = articleWords(a)
      },
    ],
    [
      'office topics (rules)',
      () =>
        an.taxonomy.classifyPrepared(
          prepareWords(words.terms.words, words.terms.folded, words.termFieldEnds),
        ),
    ],
    ['news topic (model)', (a) => an.news?.classify(all(a))],
    ['tone (article)', () => scoreWords(words.toneWords, lex)],
    ['tone (home sentences)', (a) => scoreSentencesNaming(a.body, lex, homeNames)],
    ['story terms', () => termVectorOf(words, 'vi')],
  ]
  return stages
}

const WORDS_STAGE = 'words (normalize, tokenize, fold once)'
const USES_WORDS = new Set(['office topics (rules)', 'tone (article)', 'story terms'])

/** Per-article wall ms of a set of stages, and CPU ms per article of each stage on its own. */
function measurePure(stages: [string, (a: Article) => unknown][], articles: Article[]) {
  for (const a of articles.slice(0, WARM_UP)) for (const [, f] of stages) f(a)
  const perArticle = articles.map((a) =>
    timeOne(() => {
      for (const [, f] of stages) f(a)
    }),
  )
  const placesStage = stages.find(([s]) => s === 'places')
  const wordsStage = stages.find(([s]) => s === WORDS_STAGE)
  const perStage = stages.map(([name, f]): [string, number] => {
    // home relevance reads the places found: time both, then take the places time off
    // and the stages reading the shared words: time the words too, then take its time off
    const withPlaces = name === 'home relevance' && placesStage
    const withWords = USES_WORDS.has(name) && wordsStage
    const c = cpuMs()
    for (const a of articles) {
      if (withPlaces) placesStage[1](a)
      if (withWords) wordsStage[1](a)
      f(a)
    }
    return [name, (cpuMs() - c) / articles.length]
  })
  const ms = (name: string) => perStage.find(([s]) => s === name)?.[1] ?? 0
  for (const st of perStage) {
    if (st[0] === 'home relevance') st[1] -= ms('places')
    if (USES_WORDS.has(st[0])) st[1] -= ms(WORDS_STAGE)
  }
  return { perArticle, perStage }
}

/**
 * The real path, `runAnalysis`, over the articles after the warm-up ones (analyzed first, in their own
 * run): one sample per batch, its CPU time divided by its articles. Then `analyzeArticle` one by one
 * over `single` more articles stored after those, on the same database.
 */
async function measureEndToEnd(an: Analyzer, articles: Article[], single: Article[]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-'))
  const store = await openTempDb(dir)
  try {
    await importArticles(store, articles.slice(0, WARM_UP), 0)
    await runAnalysis(an, store.db, silentLogger())
    await importArticles(store, articles.slice(WARM_UP), WARM_UP)
    const batches: Timing[] = []
    let done = 0
    let c = cpuMs()
    let t = performance.now()
    await runAnalysis(an, store.db, silentLogger(), {
      onDone: () => {
        if (++done % ANALYSIS_BATCH !== 0 && done !== articles.length - WARM_UP) return
        const n = done % ANALYSIS_BATCH || ANALYSIS_BATCH
        batches.push({ wall: (performance.now() - t) / n, cpu: (cpuMs() - c) / n })
        c = cpuMs()
        t = performance.now()
      },
    })
    const home = await resolveHome(store.db, an.gazetteer)
    await importArticles(store, single, articles.length)
    const ids = (
      await store.db
        .selectFrom('articles')
        .select('id')
        .where('analyzed_at', 'is', null)
        .orderBy('id')
        .execute()
    ).map((r) => r.id)
    const perArticle: Timing[] = []
    for (const id of ids) perArticle.push(await timeAsync(() => analyzeArticle(an, store.db, id, home)))
    return { batches, perArticle, home }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Child process: import and analyze a corpus, print one JSON line (its own peak RSS is the figure). */
async function rssRun(n: number) {
  const { an, loads } = await loadAnalyzer()
  const afterLoad = rssMb()
  const articles = await corpus(n)
  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-rss-'))
  const store = await openTempDb(dir)
  try {
    const t0 = performance.now()
    await importArticles(store, articles)
    const importS = (performance.now() - t0) / 1000
    const afterImport = rssMb()
    articles.length = 0
    const samples: number[] = []
    let done = 0
    const t1 = performance.now()
    const c = cpuMs()
    const summary = await runAnalysis(an, store.db, silentLogger(), {
      onDone: () => {
        if (++done % 5000 === 0) samples.push(Math.round(process.memoryUsage.rss() / 1048576))
      },
    })
    const out = {
      analyzed: summary.analyzed,
      withProblems: summary.withProblems,
      importS,
      analyzeS: (performance.now() - t1) / 1000,
      cpuMsPerArticle: (cpuMs() - c) / summary.analyzed,
      rssAfterLoad: afterLoad,
      rssAfterImport: afterImport,
      rssEvery5000: samples,
      peakRss: rssMb(),
      loadMs: loads.reduce((s, [, ms]) => s + ms, 0),
    }
    console.log(JSON.stringify(out))
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const n = Number(opts.articles)
  const { an, loads } = await loadAnalyzer()
  console.log(`analysis bench: ${n} VNTC articles of ${ARTICLE_CHARS} chars (first ${WARM_UP} warm up)`)
  console.log('model load (wall ms):')
  for (const [name, ms] of loads) console.log(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)}`)
  console.log(
    `  ${'total'.padEnd(42)} ${loads
      .reduce((s, [, ms]) => s + ms, 0)
      .toFixed(0)
      .padStart(6)}`,
  )
  const all = await composed(n + Number(opts.single))
  const articles = all.slice(0, n)

  const e2e = await measureEndToEnd(an, articles, all.slice(n))
  const timed = articles.slice(WARM_UP)
  const stages = pureStages(an, e2e.home)
  const pure = measurePure(stages, timed)
  const homeNames = homeNamesOf(e2e.home)
  const rows = timed.map((a, i) => ({
    id: i + 1,
    title: a.title,
    lead: a.lead,
    body_text: a.body,
    lang: 'vi',
    published_at: null,
    fetched_at: new Date(START).toISOString(),
    dup_of: null,
    source_lang: 'vi',
  }))
  const draft = rows.map((r) => timeOne(() => draftAnalysis(an, r, e2e.home, homeNames)))
  const baseline = measurePure(
    stages.filter(([s]) => s === 'language' || s === 'tone (article)' || s === WORDS_STAGE),
    timed,
  )

  console.log('\npure stages, CPU ms per article:')
  for (const [name, ms] of pure.perStage) console.log(`  ${name.padEnd(40)} ${f3(ms).padStart(7)}`)
  console.log(
    '\nms per article                                   CPU median  CPU p95  wall median  wall p95  ratio (CPU median)',
  )
  const base = pct(
    baseline.perArticle.map((t) => t.cpu),
    0.5,
  )
  const row = (label: string, ts: Timing[]) => {
    const cpu = ts.map((t) => t.cpu)
    const wall = ts.map((t) => t.wall)
    const cells = [pct(cpu, 0.5), pct(cpu, 0.95), pct(wall, 0.5), pct(wall, 0.95)].map((x) =>
      f3(x).padStart(9),
    )
    console.log(`  ${label.padEnd(48)} ${cells.join('  ')}   ${(pct(cpu, 0.5) / base).toFixed(1)}×`)
  }
  row('baseline "language + tone"', baseline.perArticle)
  row('pure stages (draftAnalysis, no database)', draft)
  row(`full analysis: runAnalysis, per batch of ${ANALYSIS_BATCH}`, e2e.batches)
  row('one article alone: analyzeArticle', e2e.perArticle)
  console.log(
    `  (${timed.length} articles in ${e2e.batches.length} batches; ${e2e.perArticle.length} analyzed alone)`,
  )
  const median = pct(
    e2e.batches.map((t) => t.cpu),
    0.5,
  )
  console.log(
    `  target: full analysis ≤ 3 ms median per article: ${median <= 3 ? 'met' : 'NOT met'} (${f3(median)} ms CPU)`,
  )
  console.log(`peak RSS of this process: ${rssMb()} MB`)

  const size = Number(opts.corpus)
  if (size > 0) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, '--rss-run', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    )
    if (child.status !== 0) throw new Error(`corpus run failed: ${child.stderr}`)
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number | number[]>
    console.log(
      `\ncorpus run (child process): ${r.analyzed} VNTC articles (as they are, median 1,655 chars) imported in ` +
        `${Number(r.importS).toFixed(1)} s, analyzed by runAnalysis in ${Number(r.analyzeS).toFixed(1)} s ` +
        `(${f3(Number(r.cpuMsPerArticle))} CPU ms/article, ${r.withProblems} with problems)`,
    )
    console.log(
      `  RSS MB: after model load ${r.rssAfterLoad}, after import ${r.rssAfterImport}, ` +
        `every 5,000 analyzed [${(r.rssEvery5000 as number[]).join(', ')}], peak ${r.peakRss}`,
    )
  }
}

if (opts['rss-run']) await rssRun(Number(opts['rss-run']))
else await main()
