import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isStopword, stopwords } from './stopwords.js'

describe('stopwords', () => {
  it('ships a Vietnamese list of a few hundred words, multi-syllable ones with _', () => {
    const vi = stopwords('vi')
    assert.ok(vi.size >= 200 && vi.size <= 600, `size ${vi.size}`)
    for (const w of ['và', 'của', 'các', 'những', 'có_thể', 'tuy_nhiên']) assert.ok(vi.has(w), w)
    for (const w of ['hà_nội', 'thông_tin', 'đối_ngoại', 'biển']) assert.ok(!vi.has(w), w)
    for (const w of vi) assert.doesNotMatch(w, /\s|#/)
  })

  it('has a small English list and nothing for other languages', () => {
    assert.ok(isStopword('The', 'en'))
    assert.ok(!isStopword('Vietnam', 'en'))
    assert.ok(isStopword('Có_thể', 'vi'))
    assert.equal(stopwords('xx').size, 0)
  })
})
