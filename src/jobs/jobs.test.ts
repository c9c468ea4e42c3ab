import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { openDatabase } from '../db/database.js'
import { silentLogger } from '../shared/logger.js'
import { createQueue } from './create-queue.js'
import { GraphileQueue } from './graphile-queue.js'
import { InProcessQueue } from './in-process-queue.js'
import { Scheduler } from './scheduler.js'

const log = silentLogger()

for (const dialect of testDialects()) {
  describe(`job queue on ${dialect}`, () => {
    let t: TestDb
    const graphileSchema = `gw_${randomBytes(4).toString('hex')}`
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(async () => {
      if (t.pool) await t.pool.query(`drop schema if exists "${graphileSchema}" cascade`)
      await t.dispose()
    })

    test('runs jobs, retries failures, serialises a named queue', async () => {
      const q = createQueue(t, log, { graphileSchema })
      const seen: string[] = []
      let flaky = 0
      let inHost = 0
      let maxInHost = 0
      await q.start(
        {
          note: async (p) => {
            seen.push((p as { v: string }).v)
          },
          flaky: async () => {
            flaky++
            if (flaky < 2) throw new Error('first try fails')
          },
          host: async () => {
            inHost++
            maxInHost = Math.max(maxInHost, inHost)
            await new Promise((r) => setTimeout(r, 20))
            inHost--
          },
        },
        { concurrency: 4 },
      )
      await q.add('note', { v: 'a' })
      await q.add('note', { v: 'b' })
      await q.add('flaky', {}, { maxAttempts: 3 })
      for (let i = 0; i < 4; i++) await q.add('host', {}, { queue: 'host:example.vn' })
      // the flaky job's retry waits before it runs again (in-process ~2 s; graphile-worker e^1 ≈ 2.7 s):
      // wait for the retry itself, not a fixed time, then for everything else
      await q.drain({ timeoutMs: 20_000 })
      const until = Date.now() + 15_000
      while (flaky < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
      await q.drain({ timeoutMs: 20_000 })
      await q.stop()
      assert.deepEqual(seen.sort(), ['a', 'b'])
      assert.equal(flaky, 2)
      assert.equal(maxInHost, 1)
    })

    test('the scheduler turns one slot into one job across processes', async () => {
      const q = createQueue(t, log, { graphileSchema })
      const s1 = new Scheduler(t.db, q, log)
      const s2 = new Scheduler(t.db, q, log)
      const entry = { name: 'digest', pattern: '0 7 * * *', task: 'note', payload: { v: 'digest' } }
      const results = await Promise.all([
        s1.fire(entry, '2026-01-01T00:00'),
        s2.fire(entry, '2026-01-01T00:00'),
      ])
      assert.deepEqual(results.sort(), [false, true])
      await q.stop()
    })
  })
}

test('in-process queue resumes jobs interrupted by a restart', async () => {
  const t = await createTestDb('sqlite')
  try {
    const q1 = new InProcessQueue(t.db, log)
    await q1.add('work', { n: 1 })
    // simulate a crash mid-job: the row is left running, locked by a dead worker
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_at: new Date(Date.now() - 1000).toISOString(), locked_by: 'dead' })
      .execute()
    const ran: number[] = []
    const q2 = new InProcessQueue(t.db, log)
    await q2.start({ work: async (p) => void ran.push((p as { n: number }).n) }, { concurrency: 1 })
    await q2.drain({ timeoutMs: 5000 })
    await q2.stop()
    assert.deepEqual(ran, [1])
  } finally {
    await t.dispose()
  }
})

if (testDialects().includes('postgres')) {
  test('two graphile workers on one PostgreSQL never run the same job twice', async () => {
    const t = await createTestDb('postgres')
    const schema = `gw_${randomBytes(4).toString('hex')}`
    const other = await openDatabase({
      url: t.url,
      dataDir: t.dataDir,
      schema: t.schema ?? 'public',
      poolSize: 4,
    })
    const runs = new Map<number, number>()
    const handler = async (p: unknown) => {
      const n = (p as { n: number }).n
      runs.set(n, (runs.get(n) ?? 0) + 1)
      await new Promise((r) => setTimeout(r, 2))
    }
    const a = new GraphileQueue(t.pool!, log, { schema })
    const b = new GraphileQueue(other.pool!, log, { schema })
    try {
      for (let n = 0; n < 200; n++) await a.add('count', { n })
      await Promise.all([
        a.start({ count: handler }, { concurrency: 3 }),
        b.start({ count: handler }, { concurrency: 3 }),
      ])
      await a.drain({ timeoutMs: 30_000 })
      assert.equal(runs.size, 200)
      assert.ok(
        [...runs.values()].every((v) => v === 1),
        'a job ran twice',
      )
    } finally {
      await a.stop()
      await b.stop()
      await t.pool!.query(`drop schema if exists "${schema}" cascade`)
      await other.close()
      await t.dispose()
    }
  })
}
