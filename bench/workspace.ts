/**
 * Workspace benchmark: server time of the dashboard (today, 7 days, 30 days; country and province
 * scope; cold — an article analysed just before each request, so nothing cached applies — and cached)
 * and of explorer result pages for a fixed mix of queries, through the real Fastify app
 * (`app.inject` with a session cookie from the real login form), beside the login page served by
 * the same app in the same run (the baseline: layout, session and CSRF, no data). Prints p50/p95/p99
 * per page, CPU time per page (process.cpuUsage: the whole process, which only serves), the load
 * average and peak RSS. With `--wrk` it then load-tests the real server (`haidang serve`) with wrk:
 * see bench/workspace-wrk.ts.
 *
 *   node --import tsx bench/workspace.ts [--n 2000] [--keep DIR] [--runs 10] [--detail]
 *     [--wrk] [--duration 30] [--connections 50] [--pace 300] [--out results.jsonl]
 *
 * The database (DIR/workspace-N.sqlite) is built by bench/workspace-corpus.ts: the search corpus
 * imported through `importJsonl`, then SYNTHETIC analysis rows (tone, topics, places, stories, home
 * relevance, source kinds) written by SQL — the real analyzer is measured by bench:analyze, not here.
 * Without `--keep` it lives in a temporary directory and is deleted at the end.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../src/config/load-config.js'
import { silentLogger } from '../src/shared/logger.js'
import { buildApp } from '../src/web/app.js'
import { runWrk } from './workspace-wrk.js'
import { BENCH_PASSWORD, type WorkspaceDb, workspaceDb } from './workspace-corpus.js'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : def
}
const flag = (name: string) => process.argv.includes(`--${name}`)
const N = Number(arg('n', '2000'))
const KEEP = arg('keep', '')
const RUNS = Number(arg('runs', '10'))
const OUT = arg('out', '')
const DETAIL = flag('detail')

/** The dashboard pages measured; each is also a page of the wrk mix. */
const DASHBOARD_URLS = ['/?period=30d', '/?period=7d', '/?period=today', '/?period=30d&scope=province']

/** Explorer queries: what an analyst types, and what the dashboard's panels link to (last 30 days). */
function explorerUrls(days30: string): string[] {
  const qs = [
    'biển đông',
    '"Biển Đông"',
    'Hà Nội',
    'kinh tế',
    'tham nhũng',
    'du lịch',
    'xuất khẩu cà phê',
    '"thị trường chứng khoán"',
    'source:"Nguồn 12"',
    'place:"Đắk Lắk"',
    `topic:sensitive ${days30}`,
    `tone:<-1 ${days30}`,
    `${days30}`,
    `"hà nội" ${days30}`,
  ]
  return qs.flatMap((q) => [`/explore?q=${encodeURIComponent(q)}`])
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

function record(fig: Record<string, unknown>) {
  if (OUT)
    appendFileSync(OUT, `${JSON.stringify({ at: new Date().toISOString(), n: N, load: load(), ...fig })}\n`)
}

/** Signs the bench's admin in through the real login form and returns the session cookie. */
async function login(app: FastifyInstance): Promise<string> {
  const page = await app.inject({ method: 'GET', url: '/login' })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const jar = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    payload: new URLSearchParams({
      email: 'admin@bench.vn',
      password: BENCH_PASSWORD,
      _csrf: csrf,
    }).toString(),
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
  })
  const session = res.cookies.find((c) => c.name === 'hd_session')
  if (res.statusCode !== 302 || !session)
    throw new Error(`login failed: ${res.statusCode} ${res.body.slice(0, 200)}`)
  return `hd_session=${session.value}`
}

interface Timing {
  ms: number[]
  cpu: number[]
}

/** Serves each url RUNS times (after one warm-up), round robin, recording wall and CPU time per page. */
async function measure(
  app: FastifyInstance,
  urls: string[],
  cookie: string | null,
  before: (url: string) => void = () => {},
) {
  const out = new Map<string, Timing>(urls.map((u) => [u, { ms: [], cpu: [] }]))
  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }).then((r) => {
      if (r.statusCode !== 200) throw new Error(`${url}: HTTP ${r.statusCode} ${r.body.slice(0, 300)}`)
      return r
    })
  for (const u of urls) await get(u)
  for (let r = 0; r < RUNS; r++) {
    for (const u of urls) {
      before(u)
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      await get(u)
      const ms = performance.now() - t0
      const c = process.cpuUsage(c0)
      out.get(u)!.ms.push(ms)
      out.get(u)!.cpu.push((c.user + c.system) / 1000)
    }
  }
  return out
}

/**
 * The first request of a freshly started app (nothing in memory: what every page costs after a
 * restart, and what a period costs once a minute when its day counts age out), RUNS times per url.
 */
async function uncached(store: WorkspaceDb['store'], dir: string, urls: string[], cookie: string) {
  const out = new Map<string, Timing>(urls.map((u) => [u, { ms: [], cpu: [] }]))
  const config = loadConfig({ env: { HAIDANG_LOG_LEVEL: 'silent', HAIDANG_DATA_DIR: dir } })
  for (let r = 0; r < RUNS; r++)
    for (const u of urls) {
      const app = await buildApp({ config, store, log: silentLogger() })
      await app.inject({ method: 'GET', url: '/login' })
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const res = await app.inject({ method: 'GET', url: u, headers: { cookie } })
      out.get(u)!.ms.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      out.get(u)!.cpu.push((c.user + c.system) / 1000)
      if (res.statusCode !== 200) throw new Error(`${u}: HTTP ${res.statusCode}`)
      await app.close()
    }
  return out
}

function report(name: string, timings: Map<string, Timing>) {
  const ms = [...timings.values()].flatMap((t) => t.ms)
  const cpu = [...timings.values()].flatMap((t) => t.cpu)
  console.log(
    `${name} (${ms.length} pages): ${fmt(ms)}; CPU p50 ${pct(cpu, 50).toFixed(1)} ms, p95 ${pct(cpu, 95).toFixed(1)} ms [load ${load()}]`,
  )
  if (DETAIL)
    for (const [u, t] of timings)
      console.log(
        `  ${pct(t.ms, 50).toFixed(1).padStart(8)} / ${pct(t.ms, 95).toFixed(1).padStart(8)} ms  cpu ${pct(t.cpu, 50).toFixed(1).padStart(7)} ms  ${decodeURIComponent(u)}`,
      )
  record({
    figure: name,
    p50: pct(ms, 50),
    p95: pct(ms, 95),
    p99: pct(ms, 99),
    cpu_p50: pct(cpu, 50),
    cpu_p95: pct(cpu, 95),
  })
  return ms
}

/** The overview fragment an explorer page loads after its hits. */
const overviewUrl = (page: string) => page.replace('/explore?', '/explore/overview?')
const only = (t: Map<string, Timing>, urls: string[]) => new Map(urls.map((u) => [u, t.get(u)!]))

/** `date:FROM..TO`: the last 30 VN days, as the dashboard's links write them. */
function last30(): string {
  const day = (t: number) => new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)
  return `date:${day(Date.now() - 29 * 86_400_000)}..${day(Date.now())}`
}

async function main() {
  const dir = KEEP || mkdtempSync(join(tmpdir(), 'hd-bench-workspace-'))
  const log = (s: string) => console.log(`${s} [load ${load()}]`)
  try {
    const w = await workspaceDb(dir, N, log)
    const config = loadConfig({ env: { HAIDANG_LOG_LEVEL: 'silent', HAIDANG_DATA_DIR: dir } })
    const app = await buildApp({ config, store: w.store, log: silentLogger() })
    const cookie = await login(app)
    console.log(`workspace at ${N} articles (${w.file}), ${RUNS} runs per page [load ${load()}]`)
    const base = report('baseline: login page', await measure(app, ['/login'], null))
    // after a new article: the newest article is analysed again with a tone of the other band before
    // each request, so today's counts, the tone chart and the data version change every time
    const analysed = w.store.sqlite!.prepare(
      `update articles set tone = case when tone < -1 then 3 else -3 end, analyzed_at = ?
       where id = (select id from articles order by published_at desc limit 1)`,
    )
    let tick = 0
    const reanalyse = () => void analysed.run(new Date(Date.now() + ++tick).toISOString())
    const cold = await measure(app, DASHBOARD_URLS, cookie, reanalyse)
    report('dashboard, after a new article', cold)
    const d30 = report(
      'dashboard 30 days, after a new article',
      new Map([...cold].filter(([u]) => u.includes('30d'))),
    )
    report(
      'dashboard, nothing cached',
      await uncached(
        w.store,
        dir,
        DASHBOARD_URLS.filter((u) => u.includes('30d')),
        cookie,
      ),
    )
    report('dashboard, cached', await measure(app, DASHBOARD_URLS, cookie))
    // the explorer's results are kept while nothing is indexed or analysed: measured after a change
    // (every result computed, as at each first visit of a query) and kept. A page shows its hits;
    // its overview (facets, attention) is counted by the request htmx makes after, measured apart.
    const pages = explorerUrls(last30())
    const withOverviews = pages.flatMap((u) => [u, overviewUrl(u)])
    const fresh = await measure(app, withOverviews, cookie, (u) => {
      if (!u.startsWith('/explore/overview')) reanalyse()
    })
    const ex = report('explorer page, after a new article', only(fresh, pages))
    report('explorer overview, after a new article', only(fresh, pages.map(overviewUrl)))
    const kept = await measure(app, withOverviews, cookie)
    report('explorer page, cached', only(kept, pages))
    report('explorer overview, cached', only(kept, pages.map(overviewUrl)))
    console.log(
      `ratio p95 to the login page: dashboard 30 days ${(pct(d30, 95) / pct(base, 95)).toFixed(0)}x, explorer ${(pct(ex, 95) / pct(base, 95)).toFixed(0)}x`,
    )
    await app.close()
    await w.store.close()
    const rss = process.resourceUsage().maxRSS / 1024
    console.log(`peak RSS ${rss.toFixed(0)} MB`)
    record({ figure: 'peak-rss', mb: rss })
    if (flag('wrk'))
      await runWrk({
        dir,
        file: w.file,
        n: N,
        seconds: Number(arg('duration', '30')),
        connections: Number(arg('connections', '50')),
        urls: [...DASHBOARD_URLS, ...explorerUrls(last30()).flatMap((u) => [u, overviewUrl(u)])],
        dashboardUrls: DASHBOARD_URLS,
        paceMs: Number(arg('pace', '300')),
        record,
      })
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true })
  }
}

await main()
