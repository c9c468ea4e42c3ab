/**
 * Load test of the workspace with wrk against the real server: `haidang serve` on the bench database
 * (jobs off), 50 analysts signed in (sessions started in the database, as the login form would: the
 * login form itself allows 30 sign-ins a minute per address), then in one run:
 *   1. the baseline: `GET /login` (anonymous; layout, CSRF cookie, no data),
 *   2. the dashboard alone, then 3. the mix of dashboard and explorer pages: bench/workspace.lua cycles
 *      the URLs, each request carrying the next user's session cookie.
 * Prints pages/s, p50/p99, errors, the server's CPU seconds per run (from /proc) and its peak RSS.
 * wrk shares the two cores with the server: its own CPU is part of the load it measures.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSession } from '../src/accounts/sessions.js'
import { createUser } from '../src/accounts/create-user.js'
import { openDatabase } from '../src/db/database.js'
import { BENCH_PASSWORD } from './workspace-corpus.js'

const USERS = 50
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

export interface WrkOptions {
  dir: string
  file: string
  n: number
  seconds: number
  connections: number
  /** the mix: dashboard and explorer pages */
  urls: string[]
  /** the dashboard pages alone (a second run) */
  dashboardUrls: string[]
  /** the mix once more with each user pausing this long between pages (ms; 0: no such run) */
  paceMs: number
  record: (fig: Record<string, unknown>) => void
}

/** Creates the analysts once and starts a session for each; returns the cookie values. */
async function sessions(dir: string, file: string): Promise<string[]> {
  const store = await openDatabase({ url: `sqlite:${file}`, dataDir: dir })
  const tokens: string[] = []
  for (let i = 0; i < USERS; i++) {
    const email = `analyst${i}@bench.vn`
    let user = await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
    if (!user)
      user = await createUser(
        store.db,
        { email, name: `Analyst ${i}`, role: 'analyst', password: BENCH_PASSWORD },
        { userId: null, actor: 'bench' },
      )
    tokens.push(await startSession(store.db, user.id, { days: 1 }))
  }
  await store.close()
  return tokens
}

async function startServer(dir: string, file: string): Promise<{ child: ChildProcess; origin: string }> {
  // the server's log (warnings and errors) goes to DIR/server.log
  const logFile = join(dir, 'server.log')
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HAIDANG_DATABASE_URL: `sqlite:${file}`,
      HAIDANG_DATA_DIR: dir,
      HAIDANG_HOST: '127.0.0.1',
      HAIDANG_LOG_LEVEL: 'warn',
      HAIDANG_RUN_JOBS_IN_WEB: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise<string>((resolve, reject) => {
    let seen = ''
    child.stdout!.on('data', (b: Buffer) => {
      appendFileSync(logFile, b)
      seen += b.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(seen)
      if (m) resolve(m[0])
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)))
  })
  return { child, origin }
}

/** utime + stime of a process in seconds, and its peak RSS in MB. */
function procStats(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const cpu = (Number(fields[11]) + Number(fields[12])) / 100
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return { cpu, rssMb: Number(hwm?.[1] ?? 0) / 1024 }
}

const toMs = (v: string) => {
  const m = /([\d.]+)(us|ms|s|m)/.exec(v)
  if (!m) return Number.NaN
  const x = Number(m[1])
  return m[2] === 'us' ? x / 1000 : m[2] === 'ms' ? x : m[2] === 's' ? x * 1000 : x * 60_000
}

interface WrkResult {
  rps: number
  p50: number
  p99: number
  requests: number
  errors: number
  non2xx: number
  serverCpuS: number
}

function wrk(pid: number, args: string[]): WrkResult {
  const before = procStats(pid).cpu
  const out = execFileSync('wrk', args, { encoding: 'utf8', cwd: ROOT })
  const serverCpuS = procStats(pid).cpu - before
  const pctLine = (p: string) => new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? ''
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const sockErrors = sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: toMs(pctLine('50')),
    p99: toMs(pctLine('99')),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    errors: non2xx + sockErrors,
    non2xx,
    serverCpuS,
  }
}

/** Server CPU per page, and the pages one core would serve per second at that cost (the load-free capacity). */
const line = (name: string, r: WrkResult) => {
  const ms = (1000 * r.serverCpuS) / Math.max(1, r.requests)
  return `${name}: ${r.rps.toFixed(1)} pages/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.requests} requests, ${r.errors} errors (${r.non2xx} non-2xx), server CPU ${r.serverCpuS.toFixed(1)} s = ${ms.toFixed(1)} ms/page = ${(1000 / ms).toFixed(0)} pages per CPU second [load ${load()}]`
}

export async function runWrk(o: WrkOptions) {
  const tokens = await sessions(o.dir, o.file)
  const urlsFile = join(o.dir, 'wrk-urls.txt')
  const cookiesFile = join(o.dir, 'wrk-cookies.txt')
  writeFileSync(urlsFile, `${o.urls.join('\n')}\n`)
  const dashFile = join(o.dir, 'wrk-dashboard-urls.txt')
  writeFileSync(dashFile, `${o.dashboardUrls.join('\n')}\n`)
  writeFileSync(cookiesFile, `${tokens.join('\n')}\n`)
  const { child, origin } = await startServer(o.dir, o.file)
  try {
    // one pass over every page so the first measured requests do not pay for cold caches alone
    for (const u of o.urls) {
      const r = await fetch(origin + u, {
        headers: { cookie: `hd_session=${tokens[0]}` },
        redirect: 'manual',
      })
      if (r.status !== 200) throw new Error(`${u}: HTTP ${r.status} (see ${join(o.dir, 'server.log')})`)
      await r.arrayBuffer()
    }
    const common = [
      '-t',
      '2',
      '-c',
      String(o.connections),
      '-d',
      `${o.seconds}s`,
      '--latency',
      '--timeout',
      '10s',
    ]
    console.log(
      `wrk: ${o.connections} connections, ${o.seconds} s per run, server ${origin} (pid ${child.pid})`,
    )
    const base = wrk(child.pid!, [...common, `${origin}/login`])
    console.log(line('baseline: login page', base))
    const browse = (file: string, pace = 0) =>
      wrk(child.pid!, [...common, '-s', 'bench/workspace.lua', origin, '--', file, cookiesFile, String(pace)])
    const dash = browse(dashFile)
    console.log(line(`dashboard only (${o.dashboardUrls.length} pages, ${USERS} users)`, dash))
    const mix = browse(urlsFile)
    console.log(line(`dashboard + explorer mix (${o.urls.length} pages, ${USERS} users)`, mix))
    // wrk keeps every connection busy: the server saturates and the tail measures its fairness; with
    // a pause per user the load is what 50 readers make, and p99 the wait one of them sees
    const paced = o.paceMs > 0 ? browse(urlsFile, o.paceMs) : null
    if (paced)
      console.log(line(`mix, each user pausing ${o.paceMs} ms between pages (${USERS} users)`, paced))
    const rss = procStats(child.pid!).rssMb
    console.log(
      `ratio pages/s mix / login: ${(mix.rps / base.rps).toFixed(3)}; server peak RSS ${rss.toFixed(0)} MB`,
    )
    o.record({ figure: 'wrk-login', ...base })
    o.record({ figure: 'wrk-dashboard', ...dash })
    o.record({ figure: 'wrk-mix', ...mix, server_rss_mb: rss })
    if (paced) o.record({ figure: 'wrk-mix-paced', pace_ms: o.paceMs, ...paced })
  } finally {
    child.kill('SIGTERM')
  }
}
