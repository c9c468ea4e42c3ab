import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { tokenize } from './tokenize.js'

const show = (s: string) => tokenize(s).map((t) => `${t.text}/${t.kind}`)

describe('tokenize', () => {
  it('splits syllables and punctuation, with offsets into the input', () => {
    const text = 'Hà Nội, ngày 13/3/2019.'
    const tokens = tokenize(text)
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['Hà', 'Nội', ',', 'ngày', '13/3/2019', '.'],
    )
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text)
  })

  it('keeps numbers whole', () => {
    assert.deepEqual(show('tăng 1.234,5 tỷ năm 2019 lúc 10:30'), [
      'tăng/word',
      '1.234,5/number',
      'tỷ/word',
      'năm/word',
      '2019/number',
      'lúc/word',
      '10:30/number',
    ])
    assert.deepEqual(show('16.5.2019, 3,5%'), ['16.5.2019/number', ',/punct', '3,5/number', '%/punct'])
  })

  it('keeps letter-digit mixes and apostrophes inside words, ellipses whole', () => {
    assert.deepEqual(show('H5N1 U23 don\'t... "x"'), [
      'H5N1/word',
      'U23/word',
      "don't/word",
      '.../punct',
      '"/punct',
      'x/word',
      '"/punct',
    ])
  })

  it('splits hyphens and dotted abbreviations, treats emoji as symbols', () => {
    assert.deepEqual(show('TP.HCM e-mail 👍'), [
      'TP/word',
      './punct',
      'HCM/word',
      'e/word',
      '-/punct',
      'mail/word',
      '👍/symbol',
    ])
  })

  it('skips whitespace and invisible characters', () => {
    assert.deepEqual(show('\u200b a\u00a0\tb '), ['a/word', 'b/word'])
    assert.deepEqual(tokenize(''), [])
  })
})
