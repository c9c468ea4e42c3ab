import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../../../test/support/databases.js'
import { compileSearch } from '../compile-search.js'
import { importJsonl } from '../import-jsonl.js'
import { parseQuery } from '../query/parse-query.js'
import { timedRows } from '../timed-query.js'
import { expandPrefixes, MAX_PREFIX_TERMS } from './prefix-terms.js'

const TEXTS = [
  'Chuyển đổi số và chuyên gia nói chuyện.',
  'Chuyến bay chuyên chở hàng.',
  'Tin chuyen nganh viết không dấu.',
  'Không có gì liên quan.',
]

describe('prefix words on sqlite', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb('sqlite')
    const many = Array.from({ length: MAX_PREFIX_TERMS + 5 }, (_, i) => `zzq${i.toString(36)}x`).join(' ')
    const lines = [...TEXTS, many].map((text, id) => `${JSON.stringify({ id, title: `Bài ${id}`, text })}\n`)
    assert.equal((await importJsonl(t, Readable.from(lines))).imported, TEXTS.length + 1)
  })
  after(() => t.dispose())

  const words = (q: string) => [...expandPrefixes(t.sqlite!, parseQuery(q)).values()][0]
  const ids = async (q: string, expand: boolean) => {
    const tree = parseQuery(q)
    const c = compileSearch(tree, 'sqlite', new Map(), expand ? expandPrefixes(t.sqlite!, tree) : new Map())
    const rows = await timedRows<{ article_id: number }>(t, c.scoreIds([1, 2, 3, 4, 5]))
    return rows.map((r) => r.article_id).sort()
  }

  test('a plain prefix is the folded words; a diacritic one the exact words', () => {
    assert.deepEqual(words('chuy*'), ['chuyen'])
    assert.deepEqual(words('chuyê*'), ['chuyên'])
    assert.deepEqual(words('chuyể*'), ['chuyển'])
    assert.deepEqual(words('title:bai*'), ['bai'])
  })

  test('the OR of the words finds what the prefix query finds', async () => {
    for (const q of ['chuy*', 'chuyê*', '"chuyển đổi" chuy*', 'chuy* -chuyến', 'title:bai* chuy*'])
      assert.deepEqual(await ids(q, true), await ids(q, false), q)
  })

  test('a connection remembers the words until the index changes', async () => {
    assert.deepEqual(words('chuy*'), ['chuyen'])
    const line = JSON.stringify({ id: 'new', title: 'Tin mới', text: 'Chuyxyz vừa được viết.' })
    assert.equal((await importJsonl(t, Readable.from([`${line}\n`]))).imported, 1)
    assert.deepEqual(words('chuy*'), ['chuyen', 'chuyxyz'])
  })

  test('no words, too many words, or a prefix inside a phrase: the prefix query is kept', async () => {
    assert.equal(words('xyzw*'), undefined)
    assert.equal(words('zzq*'), undefined)
    assert.equal(words('"chuyển chu"*'), undefined)
    assert.deepEqual(await ids('zzq*', true), [5])
  })
})
