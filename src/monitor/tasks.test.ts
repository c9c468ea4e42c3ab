import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Cron } from 'croner'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { silentLogger } from '../shared/logger.js'
import { createWebhookClient } from './deliver/send-webhook.js'
import { MONITOR_SCHEDULE, monitorTasks } from './tasks.js'
import { enqueueOutbox, findOutbox } from './store/outbox.js'
import { sqlSearch } from './testing/seed-corpus.js'

for (const dialect of testDialects()) {
  describe(`monitor tasks on ${dialect}`, () => {
    let t: TestDb
    const webhooks = createWebhookClient({ timeoutMs: 1000 })
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(async () => {
      await webhooks.close()
      await t.dispose()
    })

    test('evaluate and deliver run as jobs', async () => {
      const tasks = monitorTasks({
        db: t.db,
        search: sqlSearch(t.db),
        log: silentLogger(),
        publicUrl: 'http://127.0.0.1:3000',
        mailer: null,
        webhooks,
      })
      assert.deepEqual(Object.keys(tasks).sort(), ['monitor.deliver', 'monitor.evaluate'])
      const job = { jobId: '1', attempt: 1, log: silentLogger() }
      await tasks['monitor.evaluate']!({}, job)
      // a webhook whose row is gone: the attempt is recorded and retried later
      await enqueueOutbox(
        t.db,
        [
          {
            channel: 'webhook',
            target: '999',
            payload: {},
            notBefore: new Date(Date.now() - 1000),
            dedupeKey: 'x',
          },
        ],
        new Date(),
      )
      await tasks['monitor.deliver']!({}, job)
      const row = await findOutbox(t.db, 1)
      assert.equal(row?.attempts, 1)
      assert.match(row?.last_error ?? '', /missing or disabled/)
    })
  })
}

describe('monitor schedule', () => {
  test('evaluates every 10 minutes and delivers every minute, in ICT', () => {
    const from = new Date('2026-03-10T00:03:00.000Z')
    const next = (name: string) => {
      const e = MONITOR_SCHEDULE.find((s) => s.name === name)!
      return new Cron(e.pattern, { paused: true, timezone: 'Asia/Ho_Chi_Minh' })
        .nextRuns(2, from)
        .map((d) => d.toISOString())
    }
    assert.deepEqual(next('monitor-evaluate'), ['2026-03-10T00:10:00.000Z', '2026-03-10T00:20:00.000Z'])
    assert.deepEqual(next('monitor-deliver'), ['2026-03-10T00:04:00.000Z', '2026-03-10T00:05:00.000Z'])
  })
})
