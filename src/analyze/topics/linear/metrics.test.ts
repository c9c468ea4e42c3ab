import assert from 'node:assert/strict'
import { test } from 'node:test'
import { evaluate, formatConfusion } from './metrics.js'

test('accuracy, per-class F1, macro-F1 and confusion matrix', () => {
  const e = evaluate(['A', 'B'], [0, 0, 0, 1], [0, 0, 1, 1])
  assert.deepEqual(e.confusion, [
    [2, 1],
    [0, 1],
  ])
  assert.equal(e.accuracy, 0.75)
  // A: p=1, r=2/3 → 0.8; B: p=1/2, r=1 → 2/3.
  assert.ok(Math.abs(e.f1[0]! - 0.8) < 1e-12)
  assert.ok(Math.abs(e.macroF1 - (0.8 + 2 / 3) / 2) < 1e-12)
  assert.match(formatConfusion(e), /^A\s+2\s+1\s+0\.800$/m)
})
