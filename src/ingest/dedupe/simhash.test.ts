import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PRESS_RELEASE, REPRINTS, SAME_TOPIC_ARTICLES } from './dedupe-fixtures.js'
import { hamming, simhash64, simhashBands, simhashFromHex, simhashToHex } from './simhash.js'
import { seededRandom } from './test-random.js'

const random64 = (rnd: () => number) =>
  (BigInt(Math.floor(rnd() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd() * 2 ** 32))

describe('hamming', () => {
  it('counts differing bits across both halves', () => {
    assert.equal(hamming(0n, 0n), 0)
    assert.equal(hamming(0n, 0xffffffffffffffffn), 64)
    assert.equal(hamming(0b1011n, 0b0001n), 2)
    assert.equal(hamming(1n << 63n, 1n), 2)
    assert.equal(hamming(0x8000000100000001n, 0n), 3)
  })
})

describe('simhashBands', () => {
  it('cuts low bits first into four 16-bit integers', () => {
    assert.deepEqual(simhashBands(0x0123456789abcdefn), [0xcdef, 0x89ab, 0x4567, 0x0123])
    assert.deepEqual(simhashBands(0xffffffffffffffffn), [0xffff, 0xffff, 0xffff, 0xffff])
  })

  it('shares at least one band whenever at most 3 bits differ', () => {
    const rnd = seededRandom(7)
    for (let trial = 0; trial < 2000; trial++) {
      const h = random64(rnd)
      let g = h
      const flips = 1 + Math.floor(rnd() * 3)
      for (let f = 0; f < flips; f++) g ^= 1n << BigInt(Math.floor(rnd() * 64))
      const a = simhashBands(h)
      const b = simhashBands(g)
      assert.ok(
        a.some((v, i) => v === b[i]),
        `${h.toString(16)} vs ${g.toString(16)}`,
      )
    }
  })

  it('can miss at distance 4 (why the index also has MinHash bands)', () => {
    const h = 0x0123456789abcdefn
    const g = h ^ 0x0001000100010001n
    assert.equal(hamming(h, g), 4)
    const [a, b] = [simhashBands(h), simhashBands(g)]
    assert.ok(a.every((v, i) => v !== b[i]))
  })
})

describe('simhash64', () => {
  it('round-trips through the stored hex form', () => {
    const h = simhash64(PRESS_RELEASE)
    assert.match(simhashToHex(h), /^[0-9a-f]{16}$/)
    assert.equal(simhashFromHex(simhashToHex(h)), h)
    assert.equal(simhashToHex(1n), '0000000000000001')
  })

  it('ignores formatting and puts a reprint much closer than a different article', () => {
    const h = simhash64(PRESS_RELEASE)
    assert.equal(simhash64(PRESS_RELEASE.toUpperCase().replaceAll(',', ' ')), h)
    assert.ok(hamming(h, simhash64(REPRINTS.sourceLineAppended)) <= 3)
    for (const other of Object.values(SAME_TOPIC_ARTICLES)) {
      assert.ok(hamming(h, simhash64(other)) >= 16, 'a different article is far')
    }
  })

  it('gives 0n for a text without words', () => {
    assert.equal(simhash64(''), 0n)
    assert.equal(simhash64(' — … '), 0n)
  })
})
