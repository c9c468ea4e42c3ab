/**
 * End-to-end ingest benchmark: articles/s from a loopback news site (10 RSS feeds × 200 generated
 * Vietnamese article pages of 20–40 KB, served by a child process) through `runIngest` (guarded
 * polite client, extraction + sanitizing, dedupe fingerprints, gzip + SHA-256 raw evidence,
 * idempotent insert) into SQLite and PostgreSQL; beside the named baseline in the same run: the same
 * pages with plain `fetch`, @mozilla/readability 0.6 + linkedom, and plain inserts. Peak RSS.
 *
 *   node --import tsx bench/ingest.ts [--feeds 10] [--per-feed 200] [--pg <url>|--no-pg]
 *
 * PostgreSQL: HAIDANG_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in an own
 * schema dropped at the end; skipped with a note when unreachable.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import PQueue from 'p-queue'
import pg from 'pg'
import { loadConfig } from '../src/config/load-config.js'
import { type Db, openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { readabilityParse } from '../src/ingest/extract/readability-baseline.js'
import { createIngestContext } from '../src/ingest/ingest-context.js'
import { runIngest } from '../src/ingest/run-ingest.js'
import { addSource } from '../src/ingest/sources/add-source.js'
import { silentLogger } from '../src/shared/logger.js'
import { startNewsSite } from '../test/fixtures/hostile/news-site.js'

/** The run's shape, as the brief sets it: 8 articles at once, 8 per site, no pacing on loopback. */
const CONCURRENCY = 8
const PER_HOST = 8
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    feeds: { type: 'string', default: '10' },
    'per-feed': { type: 'string', default: '200' },
    pg: { type: 'string' },
    'no-pg': { type: 'boolean', default: false },
    /** the haidang SQLite pass only (for --cpu-prof) */
    'ours-only': { type: 'boolean', default: false },
  },
})
const FEEDS = Number(values.feeds)
const PER_FEED = Number(values['per-feed'])

interface Served {
  hostPort: string
  feedUrls: string[]
  articleUrls: string[]
}

async function startSite(): Promise<{ child: ChildProcess; site: Served }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      '--serve',
      '--feeds',
      String(FEEDS),
      '--per-feed',
      String(PER_FEED),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res)
    child.once('exit', (code) => rej(new Error(`site exited with ${code}`)))
  })
  return { child, site: JSON.parse(line) as Served }
}

/** CPU time of this process since `from` (the site's own CPU is in its child process). */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from)
  return (d.user + d.system) / 1e6
}

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)

/** The product path: sources added with addSource, one forced `runIngest` pass. */
async function product(store: Db, site: Served) {
  await migrateToLatest(store.db, store.dialect, store.schema)
  await addSource(
    store.db,
    {
      name: 'Báo Mẫu',
      homepage: `http://${site.hostPort}/`,
      country: 'VN',
      lang: 'vi',
      kind: 'domestic',
      feeds: site.feedUrls.map((url) => ({ url, kind: 'feed' })),
    },
    { userId: null, actor: 'bench' },
  )
  const config = loadConfig({
    env: {},
    overrides: { fetchAllowPrivate: site.hostPort, fetchMinDelayMs: '0', fetchPerHost: String(PER_HOST) },
  })
  const ctx = createIngestContext(config, store.db, silentLogger())
  console.log(
    `  RSS before the pass: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB (peak so far ${mb()} MB)`,
  )
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const summary = await runIngest(ctx, { force: true, concurrency: CONCURRENCY })
  const seconds = (performance.now() - t0) / 1000
  await ctx.fetcher.close()
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20)
  console.log(
    `  after the pass: RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB, heap used ${heap} MB`,
  )
  return { seconds, cpu: cpuSeconds(cpu0), stored: summary.stored, summary, load: loadavg()[0]! }
}

/** Plain fetch with one retry: a keep-alive socket the server just closed fails once (the product retries too). */
async function fetchText(url: string): Promise<string> {
  try {
    return await (await fetch(url)).text()
  } catch {
    return (await fetch(url)).text()
  }
}

/** The named baseline: plain fetch, Readability + linkedom, a plain insert per page. */
async function baseline(insert: (row: (string | null)[]) => Promise<void>, site: Served) {
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const pool = new PQueue({ concurrency: CONCURRENCY })
  let stored = 0
  for (const url of site.feedUrls) await fetchText(url)
  for (const url of site.articleUrls) {
    void pool.add(async () => {
      const html = await fetchText(url)
      const r = readabilityParse(html)
      await insert([url, r?.title ?? '', r?.textContent ?? '', r?.content ?? '', html])
      stored++
    })
  }
  await pool.onIdle()
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(cpu0), stored, load: loadavg()[0]! }
}

const BASELINE_TABLE =
  'create table bench_pages (url text primary key, title text, body text, content text, html text)'

async function sqliteRuns(site: Served) {
  const dir = mkdtempSync(join(tmpdir(), 'hd-bench-ingest-'))
  try {
    const store = await openDatabase({ url: `sqlite:${join(dir, 'product.sqlite')}`, dataDir: dir })
    const ours = await product(store, site)
    await store.close()
    const rssAfterOurs = mb()
    if (values['ours-only']) return { ours, base: ours, rssAfterOurs }
    const { default: Database } = await import('better-sqlite3')
    const plain = new Database(join(dir, 'baseline.sqlite'))
    plain.pragma('journal_mode = WAL')
    plain.exec(BASELINE_TABLE)
    const stmt = plain.prepare('insert into bench_pages values (?, ?, ?, ?, ?)')
    const base = await baseline(async (row) => void stmt.run(row), site)
    plain.close()
    return { ours, base, rssAfterOurs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function postgresRuns(url: string, site: Served) {
  const schema = `bench_ingest_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    const store = await openDatabase({ url, dataDir: tmpdir(), schema, poolSize: CONCURRENCY + 2 })
    const ours = await product(store, site)
    await store.close()
    const plain = new pg.Pool({ connectionString: url, max: CONCURRENCY })
    await plain.query(BASELINE_TABLE.replace('bench_pages', `"${schema}".bench_pages`))
    const sql = `insert into "${schema}".bench_pages values ($1, $2, $3, $4, $5)`
    const base = await baseline(async (row) => void (await plain.query(sql, row)), site)
    await plain.end()
    return { ours, base }
  } finally {
    await admin.query(`drop schema if exists "${schema}" cascade`)
    await admin.end()
  }
}

async function pgReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

/** Wall clock, CPU time of this process, and the 1-minute load average when the pass ended. */
function line(label: string, r: { seconds: number; cpu: number; stored: number; load: number }) {
  const rate = (r.stored / r.seconds).toFixed(1).padStart(7)
  const perCpu = (r.stored / r.cpu).toFixed(1).padStart(7)
  const load = r.load.toFixed(1)
  return `${label.padEnd(44)} ${String(r.stored).padStart(5)} articles  ${r.seconds.toFixed(1).padStart(6)} s  ${rate} articles/s  ${perCpu} per CPU-s (${r.cpu.toFixed(1)} CPU-s, load ${load})`
}

async function main() {
  const { child, site } = await startSite()
  try {
    const n = site.articleUrls.length
    console.log(`ingest bench: ${site.feedUrls.length} feeds, ${n} article pages of 20–40 KB on loopback`)
    console.log(`runIngest concurrency ${CONCURRENCY}, fetchPerHost ${PER_HOST}, fetchMinDelayMs 0\n`)
    console.log(
      `load average at start: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    )
    const s = await sqliteRuns(site)
    console.log(line('SQLite   runIngest (haidang)', s.ours))
    console.log(line('SQLite   baseline fetch+Readability+insert', s.base))
    console.log(
      `SQLite   ratio haidang/baseline: ${(s.ours.stored / s.ours.seconds / (s.base.stored / s.base.seconds)).toFixed(2)}`,
    )
    console.log(`peak RSS after the SQLite runIngest pass: ${s.rssAfterOurs} MB`)
    if (s.ours.stored !== n)
      console.log(`  note: ${n - s.ours.stored} not stored: ${JSON.stringify(s.ours.summary)}`)
    const url = values.pg ?? process.env.HAIDANG_BENCH_DATABASE_URL ?? DEFAULT_PG
    if (values['no-pg']) console.log('\nPostgreSQL skipped (--no-pg)')
    else if (!(await pgReachable(url))) console.log(`\nPostgreSQL skipped: ${url} not reachable`)
    else {
      const p = await postgresRuns(url, site)
      console.log(`\n${line('Postgres runIngest (haidang)', p.ours)}`)
      console.log(line('Postgres baseline fetch+Readability+insert', p.base))
      console.log(
        `Postgres ratio haidang/baseline: ${(p.ours.stored / p.ours.seconds / (p.base.stored / p.base.seconds)).toFixed(2)}`,
      )
      if (p.ours.stored !== n)
        console.log(`  note: ${n - p.ours.stored} not stored: ${JSON.stringify(p.ours.summary)}`)
    }
    console.log(`\npeak RSS of the whole run: ${mb()} MB`)
  } finally {
    child.stdin?.end()
  }
}

if (values.serve) {
  // the site runs in its own process, so its CPU and memory are not counted as the ingest's
  const site = await startNewsSite({ feeds: FEEDS, perFeed: PER_FEED })
  process.stdout.write(
    `${JSON.stringify({ hostPort: site.hostPort, feedUrls: site.feedUrls, articleUrls: site.articleUrls })}\n`,
  )
  process.stdin.resume()
  process.stdin.on('end', () => void site.close().then(() => process.exit(0)))
} else {
  await main()
}
