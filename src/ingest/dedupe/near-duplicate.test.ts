import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PRESS_RELEASE, REPRINT_ALL_EDITS, REPRINTS, SAME_TOPIC_ARTICLES } from './dedupe-fixtures.js'
import { fingerprint, isNearDuplicate, NEAR_DUP_MIN_JACCARD, nearDuplicateScore } from './fingerprint.js'
import { pick, seededRandom } from './test-random.js'

const DIFFERENT = Object.entries(SAME_TOPIC_ARTICLES)

describe('isNearDuplicate on a press release and its reprints', () => {
  for (const [edit, reprint] of Object.entries(REPRINTS)) {
    it(`matches the reprint with ${edit}`, () => {
      assert.equal(isNearDuplicate(PRESS_RELEASE, reprint), true)
      assert.equal(isNearDuplicate(reprint, PRESS_RELEASE), true, 'symmetric')
    })
  }

  it('matches the reprint with all three edits at once (the margin case, exact Jaccard 0.72)', () => {
    assert.equal(isNearDuplicate(PRESS_RELEASE, REPRINT_ALL_EDITS), true)
  })

  it('scores the new-title-and-lead reprint where a 0.8 threshold would be a coin toss (why 0.7)', () => {
    const score = nearDuplicateScore(fingerprint(PRESS_RELEASE), fingerprint(REPRINTS.newTitleAndLead))
    assert.ok(score >= NEAR_DUP_MIN_JACCARD && score <= 0.85, `score ${score}`)
  })

  for (const [name, text] of DIFFERENT) {
    it(`does not match the different same-topic article "${name}"`, () => {
      assert.equal(isNearDuplicate(PRESS_RELEASE, text), false)
      for (const [other, otherText] of DIFFERENT) {
        if (other !== name) assert.equal(isNearDuplicate(text, otherText), false, `${name} vs ${other}`)
      }
    })
  }

  it('treats a reformatted copy as an exact duplicate', () => {
    const a = fingerprint(PRESS_RELEASE)
    const b = fingerprint(PRESS_RELEASE.toUpperCase().replaceAll('\n', '  '))
    assert.equal(a.contentHash, b.contentHash)
    assert.equal(isNearDuplicate(a, b), true)
  })

  it('calls short texts duplicates only when they are the same words', () => {
    assert.equal(
      isNearDuplicate(
        'Thời tiết ngày 12/3: Quảng Trị có mưa rào.',
        'Thời tiết ngày 12/3 — Quảng Trị có mưa rào',
      ),
      true,
    )
    assert.equal(
      isNearDuplicate(
        'Thời tiết ngày 12/3: Quảng Trị có mưa rào.',
        'Thời tiết ngày 13/3: Quảng Trị có mưa rào.',
      ),
      false,
    )
    assert.equal(isNearDuplicate('', 'Theo TTXVN'), false)
  })
})

/** Syllables of the fixtures: a realistic Vietnamese vocabulary for random texts. */
const VOCABULARY = [
  ...new Set(
    [PRESS_RELEASE, ...Object.values(SAME_TOPIC_ARTICLES)]
      .join(' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu),
  ),
]

function randomText(rnd: () => number, words: number): string[] {
  return Array.from({ length: words }, () => pick(rnd, VOCABULARY))
}

function changeWords(rnd: () => number, text: string[], k: number): string[] {
  const out = [...text]
  const positions = new Set<number>()
  while (positions.size < k) positions.add(Math.floor(rnd() * out.length))
  for (const p of positions) {
    let w = pick(rnd, VOCABULARY)
    while (w === out[p]) w = pick(rnd, VOCABULARY)
    out[p] = w
  }
  return out
}

describe('isNearDuplicate under random edits (300 words)', () => {
  const TRIALS = 60
  for (let k = 1; k <= 5; k++) {
    it(`matches every text with ${k} word(s) changed`, () => {
      const rnd = seededRandom(1000 + k)
      for (let t = 0; t < TRIALS; t++) {
        const text = randomText(rnd, 300)
        const edited = changeWords(rnd, text, k)
        assert.equal(isNearDuplicate(text.join(' '), edited.join(' ')), true, `trial ${t}`)
      }
    })
  }

  it('matches no text with half its words changed, nor an unrelated text', () => {
    const rnd = seededRandom(99)
    for (let t = 0; t < TRIALS; t++) {
      const text = randomText(rnd, 300)
      assert.equal(
        isNearDuplicate(text.join(' '), changeWords(rnd, text, 150).join(' ')),
        false,
        `trial ${t}`,
      )
      assert.equal(isNearDuplicate(text.join(' '), randomText(rnd, 300).join(' ')), false, `trial ${t}`)
    }
  })
})
