import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { type Db, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { type NewsSite, startNewsSite } from '../fixtures/hostile/news-site.js'
import { rawMismatches, seedSources } from './ingest-kit.js'

const REPO = resolve(import.meta.dirname, '../..')
/** 3 feeds × 20 articles, each page held back: one site, one request at a time, so a run lasts seconds. */
const FEEDS = 3
const PER_FEED = 20
const ARTICLE_DELAY_MS = 120
/** Kill once this many articles are committed: well inside the run. */
const KILL_AFTER = 12
/** Bounds of each wait, so a stuck child fails the test instead of hanging it. */
const RUN_TIMEOUT_MS = 150_000

/** `haidang ingest --once --force --db <file>` as a user would run it, reaching only the test site. */
function startIngest(file: string, dataDir: string, site: NewsSite): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--once', '--force', '--db', file],
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HAIDANG_FETCH_ALLOW_PRIVATE: site.hostPort,
        HAIDANG_FETCH_MIN_DELAY_MS: '0',
        HAIDANG_DATA_DIR: dataDir,
        HAIDANG_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('ingest did not finish in time')), RUN_TIMEOUT_MS)
    child.once('exit', (code, signal) => {
      clearTimeout(t)
      res({ code, signal })
    })
  })
}

async function articleCount(db: Db): Promise<number> {
  const r = await db.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('SIGKILL in the middle of an ingest run, then a restart (sqlite)', () => {
  let dir: string
  let file: string
  let site: NewsSite
  let db: Db
  let beforeKill: string[]
  let stillRunning: boolean
  let rerun: { code: number | null; stderr: string }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hd-kill-'))
    file = join(dir, 'ingest.sqlite')
    site = await startNewsSite({ feeds: FEEDS, perFeed: PER_FEED, articleDelayMs: ARTICLE_DELAY_MS })
    db = await openDatabase({ url: `sqlite:${file}`, dataDir: dir })
    await migrateToLatest(db.db, db.dialect, db.schema)
    await seedSources(db.db, [
      {
        name: 'Báo Mẫu',
        homepage: site.url('/'),
        feeds: site.feedUrls.map((url) => ({ url, kind: 'feed' as const })),
      },
    ])

    const first = startIngest(file, dir, site)
    const exited = exitOf(first)
    const deadline = Date.now() + RUN_TIMEOUT_MS
    while ((await articleCount(db)) < KILL_AFTER && first.exitCode === null && Date.now() < deadline)
      await sleep(20)
    stillRunning = first.exitCode === null
    first.kill('SIGKILL')
    assert.equal((await exited).signal, 'SIGKILL')
    beforeKill = (await db.db.selectFrom('articles').select('canonical_url').execute()).map(
      (r) => r.canonical_url,
    )

    const second = startIngest(file, dir, site)
    let stderr = ''
    second.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    rerun = { code: (await exitOf(second)).code, stderr }
  })

  after(async () => {
    await db?.close()
    await site?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the kill landed mid-run, after some articles were committed', () => {
    assert.ok(stillRunning, 'the first run was still going')
    assert.ok(beforeKill.length >= KILL_AFTER, `${beforeKill.length} committed before the kill`)
    assert.ok(beforeKill.length < FEEDS * PER_FEED, 'and not all of them')
  })

  it('the restart completes and stores every article exactly once', async () => {
    assert.equal(rerun.code, 0, rerun.stderr)
    const rows = await db.db.selectFrom('articles').select(['canonical_url', 'url']).execute()
    assert.equal(rows.length, FEEDS * PER_FEED)
    assert.equal(new Set(rows.map((r) => r.canonical_url)).size, rows.length, 'no canonical URL twice')
    assert.deepEqual(rows.map((r) => r.url).sort(), [...site.articleUrls].sort())
  })

  it('no article committed before the kill was lost', async () => {
    const after = new Set(
      (await db.db.selectFrom('articles').select('canonical_url').execute()).map((r) => r.canonical_url),
    )
    assert.deepEqual(
      beforeKill.filter((u) => !after.has(u)),
      [],
    )
  })

  it('every article has its raw page, intact', async () => {
    const raw = await db.db.selectFrom('article_raw').select('article_id').execute()
    assert.equal(raw.length, FEEDS * PER_FEED)
    assert.deepEqual(await rawMismatches(db.db), [])
  })
})
