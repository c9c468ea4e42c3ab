import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TimeBucket } from '../../search/facets.js'
import { MAX_DAY_BARS, weeklyWhenLong } from './explore-data.js'

const days = (n: number, from = '2026-01-01'): TimeBucket[] =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + i)
    return { bucket: d.toISOString().slice(0, 10), count: 1, total: 4, share: 0.25 }
  })

test('attention keeps a bar per day up to the limit', () => {
  const b = days(MAX_DAY_BARS)
  assert.equal(weeklyWhenLong(b), b)
})

test('a longer span is summed by week, keyed by the Monday, with the share of the week', () => {
  const b = days(MAX_DAY_BARS + 1) // 2026-01-01 is a Thursday
  b[0] = { ...b[0]!, count: 3, approximate: true }
  const w = weeklyWhenLong(b)
  assert.equal(w[0]?.bucket, '2025-12-29')
  assert.deepEqual(w[0], { bucket: '2025-12-29', count: 6, total: 16, share: 6 / 16, approximate: true })
  assert.deepEqual(w[1], { bucket: '2026-01-05', count: 7, total: 28, share: 0.25 })
  assert.equal(
    w.reduce((s, x) => s + x.count, 0),
    b.reduce((s, x) => s + x.count, 0),
  )
  assert.ok(w.every((x) => new Date(`${x.bucket}T00:00:00Z`).getUTCDay() === 1))
})
