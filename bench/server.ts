/**
 * Web foundation figures: `npm start` to first HTTP 200 on a fresh data dir, idle RSS of
 * `haidang serve`, and wrk throughput + p99 of the login page beside a bare Fastify hello-world
 * (the named baseline) in the same run. Needs `wrk` (Debian package).
 *   npm run bench:server [-- --duration 10]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const duration = process.argv.includes('--duration') ? process.argv[process.argv.indexOf('--duration') + 1] : '10'

function start(cmd: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d)
      const m = /(?:listening |127\.0\.0\.1:)(\d+)/.exec(out)
      if (m) resolve({ child, port: Number(m[1]) })
    })
    child.on('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${out}`)))
  })
}

async function firstOk(url: string, t0: number): Promise<number> {
  for (;;) {
    try {
      const r = await fetch(url, { redirect: 'manual' })
      if (r.status === 200) return performance.now() - t0
    } catch {}
    await sleep(20)
  }
}

function wrk(url: string) {
  const out = execFileSync('wrk', ['-t2', '-c50', `-d${duration}s`, '--latency', url], { encoding: 'utf8' })
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1])
  const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(out)
  const p99 = p99raw ? Number(p99raw[1]) * ({ us: 0.001, ms: 1, s: 1000 }[p99raw[2] as 'us' | 'ms' | 's']) : Number.NaN
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
  return { rps, p99, non2xx }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

const dir = mkdtempSync(join(tmpdir(), 'hd-bench-'))
const t0 = performance.now()
const app = await start(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
  HAIDANG_DATA_DIR: dir,
  HAIDANG_LOG_LEVEL: 'warn',
})
const startMs = await firstOk(`http://127.0.0.1:${app.port}/healthz`, t0)
// Complete setup so /login renders the real sign-in page, then let the process settle.
execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', '--email', 'b@bench.vn', '--name', 'B', '--role', 'admin'], {
  env: { ...process.env, HAIDANG_DATA_DIR: dir, HAIDANG_LOG_LEVEL: 'warn' },
})
await sleep(3000)
const idleRss = rssMb(app.child.pid!)
const base = await start(process.execPath, ['--import', 'tsx', 'bench/hello-server.ts'], {})
const hello = wrk(`http://127.0.0.1:${base.port}/`)
const login = wrk(`http://127.0.0.1:${app.port}/login`)
const peakRss = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))?.[1]) / 1024
app.child.kill('SIGTERM')
base.child.kill('SIGTERM')
rmSync(dir, { recursive: true, force: true })

console.log(`start to first 200 (/healthz):  ${startMs.toFixed(0)} ms`)
console.log(`idle RSS of haidang serve:     ${idleRss.toFixed(1)} MB (peak under load ${peakRss.toFixed(1)} MB)`)
console.log(`wrk -t2 -c50 -d${duration}s`)
console.log(`  baseline bare Fastify hello:  ${hello.rps.toFixed(0)} req/s, p99 ${hello.p99.toFixed(2)} ms`)
console.log(`  /login page (Kita JSX, CSRF): ${login.rps.toFixed(0)} req/s, p99 ${login.p99.toFixed(2)} ms, non-2xx ${login.non2xx}`)
console.log(`  ratio login/baseline:         ${(login.rps / hello.rps).toFixed(2)}x throughput`)
console.log(`bench process peak RSS:        ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`)
