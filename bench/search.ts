/**
 * Search benchmark: builds a corpus of N articles from VNTC sentences (dates over 3 years, 500
 * sources), imports it into SQLite (and PostgreSQL when --pg URL or HAIDANG_TEST_DATABASE_URL is
 * given), then reports import rate, database size and p50/p95/p99 latency of a fixed mix of 50
 * queries (result pages and facets), beside the baseline: a plain LIKE scan of the same word queries
 * on a sample of at most 50,000 articles.
 *
 *   node --import tsx bench/search.ts [--n 20000] [--pg postgres://…] [--like-sample 50000]
 *     [--skip-sqlite] [--skip-pg] [--keep DIR] [--out results.jsonl] [--detail]
 *
 * The corpus is generated line by line while it is imported (memory stays flat at any size). With
 * `--keep DIR` the SQLite file (DIR/search-N.sqlite) and the PostgreSQL schema (bench_search_N) are kept
 * and a later run with the same N reuses a complete import instead of importing again (resume after a
 * crash or measure queries again). `--out FILE` appends one JSON line per figure.
 */
import { randomBytes } from 'node:crypto'
import {
  appendFileSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { sharedDataDir } from '../src/shared/paths.js'
import { attentionOverTime, ESTIMATE_ABOVE, facetCounts } from '../src/search/facets.js'
import { forgetIndexMemos } from '../src/search/backends/index-memo.js'
import { importJsonl } from '../src/search/import-jsonl.js'
import { searchArticles } from '../src/search/search-articles.js'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : def
}
const N = Number(arg('n', '20000'))
const LIKE_SAMPLE = Math.min(N, Number(arg('like-sample', '50000')))
const flag = (name: string) => process.argv.includes(`--${name}`)
const PG_URL = flag('skip-pg') ? '' : arg('pg', process.env.HAIDANG_TEST_DATABASE_URL ?? '')
const SKIP_SQLITE = flag('skip-sqlite')
const KEEP = arg('keep', '')
const OUT = arg('out', '')
const DETAIL = flag('detail')
/** VNTC articles read for sentences: enough variety for a large corpus without reading all 33k. */
const SOURCE_DOCS = 8000
const SOURCES = 500
/** How often a long import prints its progress. */
const PROGRESS_MS = 30_000
const DAYS = 3 * 365

function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function loadSentences(): Promise<string[]> {
  const input = createReadStream(sharedDataDir('vntc', 'vntc10-train.jsonl.gz')).pipe(createGunzip())
  const out: string[] = []
  let docs = 0
  for await (const line of createInterface({ input })) {
    const { text } = JSON.parse(line) as { text: string }
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length > 30 && s.length < 400) out.push(s)
    if (++docs >= SOURCE_DOCS) break
  }
  return out
}

function* corpusLines(sentences: string[], n: number): Generator<string> {
  const r = rng(42)
  const pick = () => sentences[Math.floor(r() * sentences.length)]!
  const start = Date.UTC(2019, 0, 1)
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 3 + Math.floor(r() * 4) }, pick).join(' ')
    const at = new Date(start + Math.floor(r() * DAYS * 86_400_000)).toISOString()
    const title = pick().slice(0, 120)
    yield `${JSON.stringify({ id: i, title, text: body, source: `Nguồn ${Math.floor(r() * SOURCES)}`, lang: 'vi', published_at: at })}\n`
  }
}

const PAGE_QUERIES = [
  'bien dong',
  '"Biển Đông"',
  'Hà Nội',
  '"ha noi"',
  'kinh tế',
  'bóng đá',
  'giáo dục',
  '"thị trường chứng khoán"',
  'ô tô',
  'xuất khẩu',
  'cà phê',
  'việt nam',
  'công an',
  'tham nhũng',
  'du lịch',
  'đầu tư nước ngoài',
  'bệnh viện',
  'học sinh',
  'bong da OR the thao',
  'kinh tế -chứng khoán',
  '(giáo dục OR đào tạo) đại học',
  'giá NEAR/3 vàng',
  'chính NEAR/2 phủ',
  'intern*',
  'công ngh*',
  'title:"việt nam"',
  'title:bóng',
  'source:"Nguồn 12"',
  'date:2020-03 kinh tế',
  'lang:vi bóng đá',
  'date:2019-01-01..2019-06-30 "hà nội"',
  'country:zz du lịch',
  'thành phố Hồ Chí Minh',
  '"đội tuyển" -"bóng chuyền"',
  'ngân hàng HOẶC tín dụng',
]
const FACET_QUERIES: [string, 'month' | 'week' | 'source' | 'tone' | 'lang'][] = [
  ['kinh tế', 'month'],
  ['bóng đá', 'month'],
  ['"Biển Đông"', 'week'],
  ['giáo dục', 'month'],
  ['hà nội', 'week'],
  ['kinh tế', 'source'],
  ['bóng đá', 'source'],
  ['du lịch', 'source'],
  ['công an', 'source'],
  ['xuất khẩu', 'source'],
  ['kinh tế', 'tone'],
  ['tham nhũng', 'tone'],
  ['bệnh viện', 'lang'],
  ['đầu tư', 'lang'],
  ['học sinh', 'month'],
]

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`
/** The 1, 5 and 15 minute load averages: the VM is shared, wall-clock figures move with them. */
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`

/**
 * CPU time (ms) spent on the benchmark's behalf, which the load of other work on the VM barely moves:
 * this process, plus for PostgreSQL the server process of its one connection (from /proc, 10 ms ticks).
 */
type CpuClock = () => number
const processCpu: CpuClock = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
function backendCpu(pid: number): CpuClock {
  return () => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return processCpu() + ((Number(f[11]) + Number(f[12])) * 1000) / 100
  }
}

interface Timing {
  wall: number
  cpu: number
}

async function time(cpu: CpuClock, f: () => Promise<unknown>): Promise<Timing> {
  const c0 = cpu()
  const t0 = performance.now()
  await f()
  return { wall: performance.now() - t0, cpu: cpu() - c0 }
}

/**
 * Times one call as a new query costs it: what a connection remembers between calls (match counts,
 * prefix words) is forgotten first. With --detail also prints it (which query is slow).
 */
async function timed(cpu: CpuClock, label: string, f: () => Promise<unknown>): Promise<Timing> {
  forgetIndexMemos()
  const t = await time(cpu, f)
  if (DETAIL)
    console.log(`  ${t.wall.toFixed(1).padStart(8)} ms  (cpu ${t.cpu.toFixed(0).padStart(4)} ms)  ${label}`)
  return t
}

/** Facets are measured as the explorer asks for them (estimated above this many matches) and exact. */
const SAMPLE_ABOVE = ESTIMATE_ABOVE

async function runMix(store: Db, cpu: CpuClock) {
  const pages: Timing[] = []
  const facets: Timing[] = []
  const sampled: Timing[] = []
  for (const q of PAGE_QUERIES) await searchArticles(store, q, { limit: 20 }) // warm caches once
  for (const q of PAGE_QUERIES) {
    for (const sort of ['relevance', 'date'] as const)
      pages.push(await timed(cpu, `${sort} ${q}`, () => searchArticles(store, q, { limit: 20, sort })))
  }
  for (const [out, opts] of [
    [facets, {}],
    [sampled, { sampleAbove: SAMPLE_ABOVE }],
  ] as const) {
    for (const [q, kind] of FACET_QUERIES) {
      const label = `${kind} ${q}${'sampleAbove' in opts ? ' (sampled)' : ''}`
      out.push(
        await timed(cpu, label, () =>
          kind === 'month' || kind === 'week'
            ? attentionOverTime(store, q, kind, opts)
            : facetCounts(store, q, kind, opts),
        ),
      )
    }
  }
  return { pages, facets, sampled }
}

/** The baseline: each word query as `lower(text) like '%word%'` conjunctions over the first LIKE_SAMPLE articles. */
async function likeBaseline(store: Db, cpu: CpuClock): Promise<Timing[]> {
  const out: Timing[] = []
  for (const q of PAGE_QUERIES) {
    const words = q
      .replace(/[()"*]|\b[a-z]+:\S+|NEAR\/\d|-\S+|\bOR\b|HOẶC/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1)
    const conds = words.map(
      (w) => sql<boolean>`lower(a.title || ' ' || a.body_text) like ${`%${w.toLowerCase()}%`}`,
    )
    if (conds.length === 0) conds.push(sql<boolean>`1 = 1`)
    out.push(
      await time(cpu, () =>
        sql`select a.id from articles a where a.id <= ${LIKE_SAMPLE} and ${sql.join(conds, sql` and `)} order by a.published_at desc limit 20`.execute(
          store.db,
        ),
      ),
    )
  }
  return out
}

/** Appends one figure to the --out file (JSON lines), so a long run leaves its results as it goes. */
function record(fig: Record<string, unknown>) {
  if (OUT) appendFileSync(OUT, `${JSON.stringify({ at: new Date().toISOString(), n: N, ...fig })}\n`)
}

/** Imports the corpus unless a kept store already holds all of it (then only queries are measured). */
async function importCorpus(name: string, store: Db, sentences: string[], cpu: CpuClock) {
  const have = await sql<{ n: number | string }>`select count(*) as n from search_docs`.execute(store.db)
  if (Number(have.rows[0]?.n ?? 0) >= N) {
    console.log(`${name}: ${N} articles already imported (kept store), import not measured`)
    return
  }
  const t0 = performance.now()
  const c0 = cpu()
  let last = t0
  const r = await importJsonl(store, Readable.from(corpusLines(sentences, N)), {
    onProgress: (p) => {
      if (performance.now() - last < PROGRESS_MS) return
      last = performance.now()
      const secs = (last - t0) / 1000
      console.log(
        `${name}: … ${p.imported} imported, ${(p.imported / secs).toFixed(0)} articles/s (${load()})`,
      )
    },
  })
  const secs = (performance.now() - t0) / 1000
  const cpuSecs = (cpu() - c0) / 1000
  const rate = r.imported / secs
  const cpuRate = r.imported / cpuSecs
  console.log(
    `${name}: imported ${r.imported} articles in ${secs.toFixed(1)} s = ${rate.toFixed(0)} articles/s; ` +
      `CPU ${cpuSecs.toFixed(1)} s = ${cpuRate.toFixed(0)} articles per CPU-second (${load()})`,
  )
  record({
    backend: name,
    figure: 'import',
    articles: r.imported,
    seconds: secs,
    rate,
    cpuSecs,
    cpuRate,
    load: loadavg(),
  })
}

async function benchStore(
  name: string,
  store: Db,
  sentences: string[],
  size: () => Promise<number>,
  cpu: CpuClock,
) {
  await importCorpus(name, store, sentences, cpu)
  const mb = (await size()) / 1e6
  console.log(`${name}: size ${mb.toFixed(0)} MB`)
  record({ backend: name, figure: 'size', mb })
  const { pages, facets, sampled } = await runMix(store, cpu)
  const like = await likeBaseline(store, cpu)
  const figures = [
    ['pages', `result pages (${pages.length}) at ${N} articles`, pages],
    ['facets', `facets exact (${facets.length}) at ${N} articles`, facets],
    [
      'facets-sampled',
      `facets as the explorer shows them, estimated above ${SAMPLE_ABOVE} matches (${sampled.length})`,
      sampled,
    ],
    ['like', `baseline LIKE scan (${like.length}) on ${LIKE_SAMPLE} articles`, like],
  ] as const
  for (const [figure, label, ts] of figures) {
    const wall = ts.map((t) => t.wall)
    const cpuMs = ts.map((t) => t.cpu)
    console.log(`${name}: ${label}: ${fmt(wall)}; CPU ${fmt(cpuMs)} (${load()})`)
    record({
      backend: name,
      figure,
      p50: pct(wall, 50),
      p95: pct(wall, 95),
      p99: pct(wall, 99),
      max: pct(wall, 100),
      cpuP50: pct(cpuMs, 50),
      cpuP95: pct(cpuMs, 95),
      cpuP99: pct(cpuMs, 99),
      load: loadavg(),
    })
  }
  const ratio = (p: number, xs: Timing[], ys: Timing[], k: keyof Timing) =>
    (
      pct(
        xs.map((x) => x[k]),
        p,
      ) /
      pct(
        ys.map((y) => y[k]),
        p,
      )
    ).toFixed(1)
  console.log(
    `${name}: ratio LIKE/index p50 = ${ratio(50, like, pages, 'wall')}x, p95 = ${ratio(95, like, pages, 'wall')}x (CPU p95 ${ratio(95, like, pages, 'cpu')}x)`,
  )
}

async function benchSqlite(sentences: string[]) {
  const dir = KEEP || mkdtempSync(join(tmpdir(), 'hd-bench-search-'))
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `search-${N}.sqlite`)
  try {
    const lite = await openDatabase({ url: `sqlite:${file}`, dataDir: dir })
    await migrateToLatest(lite.db, lite.dialect)
    const size = async () =>
      statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)
    await benchStore('sqlite', lite, sentences, size, processCpu)
    await lite.close()
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true })
  }
}

async function benchPostgres(sentences: string[]) {
  const schema = KEEP ? `bench_search_${N}` : `bench_${randomBytes(4).toString('hex')}`
  // one connection: its server process is the one whose CPU time is measured
  const store = await openDatabase({ url: PG_URL, dataDir: tmpdir(), schema, poolSize: 1 })
  await migrateToLatest(store.db, store.dialect, schema)
  const size = async () => {
    const r = await sql<{
      n: string
    }>`select sum(pg_total_relation_size(c.oid))::text as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = ${schema} and c.relkind = 'r'`.execute(
      store.db,
    )
    return Number(r.rows[0]?.n ?? 0)
  }
  const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)
  try {
    await benchStore('postgres', store, sentences, size, backendCpu(pid.rows[0]!.pid))
  } finally {
    await store.close()
    if (!KEEP) {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop schema "${schema}" cascade`)
      await c.end()
    }
  }
}

async function main() {
  const sentences = await loadSentences()
  console.log(`corpus: ${N} articles from ${sentences.length} VNTC sentences`)
  if (!SKIP_SQLITE) await benchSqlite(sentences)
  if (PG_URL) await benchPostgres(sentences)
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(`peak RSS ${rss.toFixed(0)} MB`)
  record({ figure: 'peak-rss', mb: rss })
}

await main()
