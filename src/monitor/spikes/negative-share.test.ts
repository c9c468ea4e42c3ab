import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { negativeShare, wilsonLower } from './negative-share.js'

const history = [
  { day: '2026-03-01', total: 10, negative: 2 },
  { day: '2026-03-02', total: 8, negative: 1 },
]

describe('negativeShare', () => {
  const cases = [
    {
      name: 'all of a busy day negative',
      today: { total: 10, negative: 9 },
      level: 'alert',
      reason: 'share_above_threshold',
    },
    {
      name: 'just over half of few articles: watch',
      today: { total: 6, negative: 4 },
      level: 'watch',
      reason: 'share_maybe_above',
    },
    {
      name: 'exactly the threshold is not above it',
      today: { total: 10, negative: 5 },
      level: 'none',
      reason: 'within_threshold',
    },
    {
      name: 'two of three is an anecdote',
      today: { total: 3, negative: 2 },
      level: 'none',
      reason: 'too_few_articles',
    },
    { name: 'a calm day', today: { total: 20, negative: 3 }, level: 'none', reason: 'within_threshold' },
  ] as const
  for (const c of cases) {
    test(c.name, () => {
      const r = negativeShare([...history, { day: '2026-03-03', ...c.today }])
      assert.equal(r.level, c.level)
      assert.equal(r.reason, c.reason)
      assert.equal(r.day, '2026-03-03')
      assert.equal(r.share, c.today.negative / c.today.total)
      assert.equal(r.baselineShare, 3 / 18)
    })
  }

  test('threshold per rule and a chosen day', () => {
    const s = [...history, { day: '2026-03-03', total: 10, negative: 9 }]
    assert.equal(negativeShare(s, { threshold: 0.1, day: '2026-03-01' }).level, 'watch')
    assert.equal(negativeShare(s, { threshold: 0.95 }).level, 'none')
  })

  test('Wilson lower bound against a worked value', () => {
    // 8 of 10 at z = 1.96: 0.4902 (the textbook value)
    assert.ok(Math.abs(wilsonLower(8, 10, 1.96) - 0.4902) < 1e-4)
    assert.equal(wilsonLower(0, 0, 1.96), 0)
  })
})
