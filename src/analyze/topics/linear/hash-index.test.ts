import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hashString } from './hash.js'
import { documentFrequencies, HashIndex } from './hash-index.js'

test('finds every indexed key and misses the others', () => {
  const keys = Uint32Array.from({ length: 5000 }, (_, i) => hashString(`term-${i}`))
  const index = new HashIndex(keys)
  keys.forEach((k, i) => {
    assert.equal(index.get(k), i)
  })
  for (let i = 0; i < 1000; i++) assert.equal(index.get(hashString(`other-${i}`)), -1)
  assert.equal(new HashIndex(new Uint32Array(0)).get(1), -1)
})

test('document frequencies count documents, sorted by hash', () => {
  const { hashes, df } = documentFrequencies([
    Uint32Array.of(1, 5, 9),
    Uint32Array.of(5, 9),
    Uint32Array.of(9, 4_000_000_000),
  ])
  assert.deepEqual([...hashes], [1, 5, 9, 4_000_000_000])
  assert.deepEqual([...df], [1, 2, 3, 1])
})
