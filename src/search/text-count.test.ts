import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../../test/support/databases.js'
import { importJsonl } from './import-jsonl.js'
import { countMatches } from './search-articles.js'

const line = (id: string, text: string) => `${JSON.stringify({ id, title: `Bài ${id}`, text })}\n`

describe('remembered match counts on sqlite', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb('sqlite')
    await importJsonl(t, Readable.from([line('a', 'Giá lúa gạo tăng.'), line('b', 'Lúa gạo xuất khẩu.')]))
  })
  after(() => t.dispose())

  test('a count is remembered until the index changes: new and deleted articles count at once', async () => {
    assert.equal(await countMatches(t, 'lúa gạo'), 2)
    assert.equal(await countMatches(t, 'lúa gạo'), 2)
    await importJsonl(t, Readable.from([line('c', 'Lúa gạo miền Tây.')]))
    assert.equal(await countMatches(t, 'lúa gạo'), 3)
    await t.db.deleteFrom('articles').where('canonical_url', '=', 'import:a').execute()
    assert.equal(await countMatches(t, 'lúa gạo'), 2)
    assert.equal(await countMatches(t, 'lúa gạo date:2020'), 0, 'with a filter: counted, not remembered')
  })
})
