import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fitTemperature } from './calibration.js'
import { createRandom } from './prng.js'

test('recovers the temperature that generated the labels', () => {
  // Labels are drawn from softmax(scores / 2), so the best temperature is about 2.
  const random = createRandom(1)
  const scores: Float64Array[] = []
  const gold: number[] = []
  for (let i = 0; i < 4000; i++) {
    const s = Float64Array.from({ length: 3 }, () => random() * 8 - 4)
    const e = [...s].map((v) => Math.exp(v / 2))
    const sum = e.reduce((a, b) => a + b, 0)
    let r = random() * sum
    let k = 0
    while (k < 2 && r > e[k]!) r -= e[k++]!
    scores.push(s)
    gold.push(k)
  }
  const t = fitTemperature(scores, gold)
  assert.ok(t > 1.7 && t < 2.3, `temperature ${t}`)
})

test('sharpens over-cautious scores (T < 1) when the argmax is always right', () => {
  const scores = Array.from({ length: 50 }, (_, i) => Float64Array.of(i % 2 ? 0.5 : 0, i % 2 ? 0 : 0.5))
  const gold = scores.map((_, i) => (i % 2 ? 0 : 1))
  assert.ok(fitTemperature(scores, gold) < 0.1)
})
