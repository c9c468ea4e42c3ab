import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PRESS_RELEASE, REPRINT_ALL_EDITS, REPRINTS, SAME_TOPIC_ARTICLES } from './dedupe-fixtures.js'
import { fingerprint } from './fingerprint.js'
import { groupNearDuplicates, NearDuplicateIndex } from './near-duplicate-index.js'
import { simhashBands } from './simhash.js'
import { pick, seededRandom } from './test-random.js'

describe('NearDuplicateIndex', () => {
  it('puts the reprints with the release and each different article alone', () => {
    const index = new NearDuplicateIndex<string>()
    assert.equal(index.add('release', PRESS_RELEASE), null)
    assert.equal(index.add('licences', SAME_TOPIC_ARTICLES.licences), null)
    for (const [edit, text] of Object.entries(REPRINTS)) assert.equal(index.add(edit, text), 'release', edit)
    assert.equal(index.add('japan', SAME_TOPIC_ARTICLES.japaneseDelegation), null)
    assert.equal(index.add('all-edits', REPRINT_ALL_EDITS), 'release')
    assert.equal(index.add('investment', SAME_TOPIC_ARTICLES.publicInvestment), null)
    assert.equal(index.size, 8)
    assert.equal(index.representativeOf('fewWordsChanged'), 'release')
    assert.equal(index.representativeOf('japan'), 'japan')
    assert.equal(index.representativeOf('unknown'), undefined)
    assert.deepEqual(index.groups(), [
      ['release', 'newTitleAndLead', 'sourceLineAppended', 'fewWordsChanged', 'all-edits'],
      ['licences'],
      ['japan'],
      ['investment'],
    ])
  })

  it('finds a reprint whose SimHash shares no band (MinHash bands do it)', () => {
    const a = simhashBands(fingerprint(PRESS_RELEASE).simhash)
    const b = simhashBands(fingerprint(REPRINT_ALL_EDITS).simhash)
    assert.ok(
      a.every((v, i) => v !== b[i]),
      'the fixture exercises the MinHash path',
    )
    const index = new NearDuplicateIndex<number>()
    index.add(1, PRESS_RELEASE)
    assert.equal(index.add(2, REPRINT_ALL_EDITS), 1)
  })

  it('joins exact copies by content hash, short texts included', () => {
    const index = new NearDuplicateIndex<number>()
    assert.equal(index.add(1, 'Ảnh: TTXVN'), null)
    assert.equal(index.add(2, 'ẢNH - TTXVN'), 1)
    assert.equal(index.add(3, 'Ảnh: Báo Quảng Trị'), null)
    assert.equal(index.addFingerprint(4, fingerprint(PRESS_RELEASE.replaceAll(',', ''))), null)
    assert.equal(index.add(5, PRESS_RELEASE), 4)
  })

  it('refuses an id twice', () => {
    const index = new NearDuplicateIndex<number>()
    index.add(1, PRESS_RELEASE)
    assert.throws(() => index.add(1, REPRINTS.fewWordsChanged), RangeError)
  })
})

describe('groupNearDuplicates', () => {
  it('recovers planted reprint groups among random texts', () => {
    const rnd = seededRandom(3)
    const vocab = PRESS_RELEASE.toLowerCase().match(/[\p{L}\p{N}]+/gu)!
    const items: { id: string; text: string }[] = []
    const truth = new Map<string, string>()
    for (let d = 0; d < 40; d++) {
      const words = Array.from({ length: 250 }, () => pick(rnd, vocab))
      items.push({ id: `d${d}`, text: words.join(' ') })
      truth.set(`d${d}`, `d${d}`)
      if (d % 4 === 0) {
        for (let c = 0; c < 3; c++) words[Math.floor(rnd() * words.length)] = pick(rnd, vocab)
        items.push({ id: `d${d}r`, text: `${words.join(' ')}\nTheo TTXVN` })
        truth.set(`d${d}r`, `d${d}`)
      }
    }
    const groups = groupNearDuplicates(items)
    assert.equal(groups.length, 40)
    for (const g of groups)
      assert.ok(
        g.every((id) => truth.get(id) === truth.get(g[0]!)),
        g.join(','),
      )
    assert.deepEqual(groups.flat().sort(), items.map((i) => i.id).sort())
  })
})
