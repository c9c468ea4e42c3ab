import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestDb, type TestDb } from '../../test/support/databases.js'
import { prepareSearch } from './search-articles.js'

let t: TestDb
before(async () => {
  t = await createTestDb('sqlite')
})
after(() => t.dispose())

test('SQLite: the ranking window bounds FTS5 rowids with integer literals, never bound numbers', async () => {
  // FTS5 ignores a rowid bound whose value is a REAL, and better-sqlite3 binds every JS number so:
  // the window would walk every match of the words instead of the window's few
  const { compiled } = await prepareSearch(t, 'kinh tế')
  const q = compiled.scoreIds([70_001, 70_500, 71_234]).compile(t.db)
  assert.match(q.sql, /rowid >= 70001\s+and rowid <= 71234/)
  // bound: the match expression and the three ids of the `in (…)` list, not the bounds
  assert.equal(q.parameters.length, 4)
})
