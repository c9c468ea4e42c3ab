import assert from 'node:assert/strict'
import { test } from 'node:test'
import { argmax, scoreInto } from './linear-weights.js'
import { trainComplementNb } from './naive-bayes.js'
import { DEFAULT_SVM_OPTIONS, trainOvrSvm } from './svm-trainer.js'
import type { SparseVector } from './tfidf.js'

/** Three classes, each marked by its own features plus shared noise features. */
function toyData(n: number): { xs: SparseVector[]; ys: Int32Array } {
  const xs: SparseVector[] = []
  const ys = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const y = i % 3
    ys[i] = y
    const noise = 3 + (i % 4)
    xs.push({ indices: Int32Array.of(y, noise), values: Float32Array.of(0.8, 0.6) })
  }
  return { xs, ys }
}

test('one-vs-rest SVM separates the classes and is deterministic', () => {
  const { xs, ys } = toyData(60)
  const a = trainOvrSvm(xs, ys, 3, 7)
  const b = trainOvrSvm(xs, ys, 3, 7)
  assert.deepEqual(a.weights, b.weights)
  const out = new Float64Array(3)
  xs.forEach((x, i) => {
    scoreInto(a, x, out)
    assert.equal(argmax(out), ys[i])
  })
  assert.ok(a.passes.every((p) => p >= 1 && p <= DEFAULT_SVM_OPTIONS.maxPasses))
  // The class feature must carry positive weight for its own class only.
  assert.ok(a.weights[0 * 3 + 0]! > 0 && a.weights[0 * 3 + 1]! < 0)
})

test('complement NB baseline also separates the toy classes', () => {
  const { xs, ys } = toyData(30)
  const nb = trainComplementNb(xs, ys, 3, 7)
  const out = new Float64Array(3)
  xs.forEach((x, i) => {
    scoreInto(nb, x, out)
    assert.equal(argmax(out), ys[i])
  })
})
