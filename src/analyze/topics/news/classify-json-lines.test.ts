import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { createInterface } from 'node:readline'
import { test } from 'node:test'
import { classifyJsonLines } from './classify-json-lines.js'
import { loadNewsModel } from './news-model.js'

const model = loadNewsModel()

async function* items(...xs: string[]) {
  yield* xs
}

test('round trip: one output line per input line, in order, with label and score', async () => {
  const input = [
    JSON.stringify({
      id: 'a1',
      text: 'Đội bóng giành chức vô địch sau loạt sút luân lưu, cầu thủ ăn mừng bàn thắng',
    }),
    JSON.stringify({ id: 42, text: 'Bệnh viện điều trị cho bệnh nhân sốt xuất huyết, bác sĩ khuyến cáo' }),
    JSON.stringify({ id: 'empty', text: '' }),
  ].join('\n')
  // Real stdin shape: bytes through readline.
  const lines = createInterface({ input: Readable.from([Buffer.from(`${input}\n`)]), crlfDelay: Infinity })
  const out: string[] = []
  const counts = await classifyJsonLines(lines, (l) => out.push(l), model)
  assert.deepEqual(counts, { classified: 3, failed: 0 })
  const rows = out.map((l) => JSON.parse(l))
  assert.deepEqual(
    rows.map((r) => [r.id, r.label]),
    [
      ['a1', 'The thao'],
      [42, 'Suc khoe'],
      ['empty', 'unknown'],
    ],
  )
  assert.deepEqual(Object.keys(rows[0]), ['id', 'label', 'score'])
  assert.ok(rows[0].score > 0.5 && rows[0].score <= 1)
  assert.equal(rows[2].score, 0)
})

test('a malformed line yields an error line and processing continues', async () => {
  const out: string[] = []
  const counts = await classifyJsonLines(
    items(
      '{"id": "x", "text": "Giá vàng tăng, ngân hàng giảm lãi suất cho doanh nghiệp"}',
      '{not json',
      '',
      '{"id": "no-text"}',
      '[1,2]',
      '{"id": {"deep": 1}, "text": "abc"}\r',
      '{"id":"y","text":"Tòa án xét xử bị cáo tội trộm cắp tài sản"}\n{"id":"z","text":"Hội đàm thượng đỉnh"}',
    ),
    (l) => out.push(l),
    model,
  )
  assert.deepEqual(counts, { classified: 3, failed: 4 })
  const rows = out.map((l) => JSON.parse(l))
  assert.equal(rows.length, 7)
  assert.equal(rows[0].label, 'Kinh doanh')
  assert.deepEqual(rows[1], { id: null, error: 'line 2: not valid JSON' })
  assert.equal(rows[2].id, 'no-text')
  assert.match(rows[2].error, /^line 4: .*text/)
  assert.equal(rows[3].id, null)
  assert.match(rows[3].error, /^line 5: /)
  assert.equal(rows[4].id, null)
  assert.match(rows[4].error, /^line 6: .*id/)
  assert.deepEqual(
    rows.slice(5).map((r) => [r.id, r.label]),
    [
      ['y', 'Phap luat'],
      ['z', rows[6].label],
    ],
  )
  assert.ok(model.labels.includes(rows[6].label))
})
