import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { logGamma, negBinomialUpperTail, poissonUpperTail } from './tail-probability.js'

const close = (a: number, b: number, rel = 1e-9) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)), `${a} ≉ ${b}`)

describe('tail probabilities', () => {
  test('logGamma matches factorials and Γ(½) = √π', () => {
    close(logGamma(1), 0, 1)
    close(logGamma(11), Math.log(3628800))
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))
    close(logGamma(171), 706.5730622457874)
  })

  test('Poisson upper tail against closed forms', () => {
    close(poissonUpperTail(3, 0.2), 1 - Math.exp(-0.2) * (1 + 0.2 + 0.02))
    close(poissonUpperTail(1, 2), 1 - Math.exp(-2))
    assert.equal(poissonUpperTail(0, 5), 1)
    assert.equal(poissonUpperTail(4, 0), 0)
    // far tail stays exact instead of rounding to 0: P(X ≥ 40 | 5) = 8.550023756843e-23 (direct sum in float64)
    close(poissonUpperTail(40, 5), 8.550023756843022e-23, 1e-9)
  })

  test('negative binomial: geometric case in closed form, Poisson limit, heavier tail', () => {
    // size 1 = geometric: P(X ≥ k) = q^k with q = mean / (1 + mean)
    close(negBinomialUpperTail(4, 3, 1), (3 / 4) ** 4)
    close(negBinomialUpperTail(7, 2.5, 1e9), poissonUpperTail(7, 2.5), 1e-6)
    assert.ok(negBinomialUpperTail(150, 100, 20) > 1000 * poissonUpperTail(150, 100))
    // below the mean the tail is near 1 (summed from below)
    assert.ok(negBinomialUpperTail(50, 100, 20) > 0.99)
  })
})
