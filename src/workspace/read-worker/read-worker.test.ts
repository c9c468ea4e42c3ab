import assert from 'node:assert/strict'
import { threadId } from 'node:worker_threads'
import { after, before, describe, test } from 'node:test'
import { indexArticles } from '../../search/index-article.js'
import { isAppError } from '../../shared/errors.js'
import { silentLogger } from '../../shared/logger.js'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { seedArticle } from '../../../test/support/seed.js'
import { exploreOverview } from '../explore/explore-data.js'
import { createReadRunner, type ReadRunner } from './read-worker.js'

for (const dialect of testDialects()) {
  describe(`read tasks beside the server's thread on ${dialect}`, () => {
    let t: TestDb
    let reader: ReadRunner
    before(async () => {
      t = await createTestDb(dialect)
      const ids = []
      for (const [title, day] of [
        ['Giá cà phê tăng mạnh', '2026-11-19'],
        ['Cà phê Tây Nguyên vào mùa', '2026-11-20'],
        ['Tin thời tiết', '2026-11-20'],
      ] as const)
        ids.push(
          await seedArticle(t.db, { title, body: `${title}. Nội dung.`, publishedAt: `${day}T03:00:00Z` }),
        )
      await indexArticles(t, ids)
      reader = createReadRunner(t, silentLogger())
    })
    after(async () => {
      await reader.close()
      await t.dispose()
    })

    test('an overview counted by the runner equals the one counted in place', async () => {
      const opts = { q: 'cà phê', timeoutMs: 5000 }
      const got = await reader.run('overview', opts)
      assert.deepEqual(got, await exploreOverview(t, opts.q, opts))
      assert.equal(
        got.attention.reduce((n, b) => n + b.count, 0),
        2,
      )
      // concurrent tasks each get their own answer
      const [a, b] = await Promise.all([
        reader.run('overview', { q: 'thời tiết', timeoutMs: 5000 }),
        reader.run('overview', { q: 'cà phê', timeoutMs: 5000 }),
      ])
      assert.equal(
        a.attention.reduce((n, x) => n + x.count, 0),
        1,
      )
      assert.deepEqual(b, got)
    })

    test('a refused query comes back as the same named error, with its position', async () => {
      const e = await reader.run('overview', { q: 'cà phê AND (', timeoutMs: 5000 }).then(
        () => assert.fail('expected QUERY_SYNTAX'),
        (x: unknown) => x,
      )
      assert.ok(isAppError(e))
      assert.equal(e.code, 'QUERY_SYNTAX')
      assert.equal(typeof e.details.position, 'number')
    })

    if (dialect === 'sqlite')
      test('on a SQLite file the task runs on another thread, which a closed runner restarts', async () => {
        assert.notEqual(await reader.run('threadId', {}), threadId)
        await reader.close()
        assert.notEqual(await reader.run('threadId', {}), threadId)
      })
  })
}
