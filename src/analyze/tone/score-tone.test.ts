import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadToneLexicon } from './lexicon.js'
import { scoreSentences, scoreText } from './score-tone.js'

const vi = loadToneLexicon('vi')
const en = loadToneLexicon('en')

test('Vietnamese positive and negative news get the expected sign, with drivers', () => {
  const pos = scoreText(
    'Đắk Lắk đạt tăng trưởng ấn tượng, xuất khẩu cà phê lập kỷ lục, người dân phấn khởi.',
    vi,
  )
  assert.ok(pos.score > 3, String(pos.score))
  assert.ok(pos.drivers.some((d) => d.text === 'tăng trưởng'))
  const neg = scoreText('Lũ quét gây thiệt hại nặng, 3 người tử vong, nhiều nhà bị sạt lở.', vi)
  assert.ok(neg.score < -3, String(neg.score))
})

test('negation flips and intensifiers strengthen', () => {
  const plain = scoreText('Dự án thành công.', vi).score
  const negated = scoreText('Dự án không thành công.', vi).score
  const strong = scoreText('Dự án rất thành công.', vi).score
  assert.ok(negated < 0)
  assert.ok(strong > plain)
  assert.ok(scoreText('The talks were not successful.', en).score < 0)
  assert.ok(
    scoreText('a deeply impressive recovery', en).score > scoreText('an impressive recovery', en).score,
  )
})

test('tone-mark placement does not matter (hoà = hòa)', () => {
  assert.equal(scoreText('hoà bình, hữu nghị', vi).score, scoreText('hòa bình, hữu nghị', vi).score)
})

test('English distortion vocabulary scores negative', () => {
  const r = scoreText(
    'Activists accused authorities of a crackdown and persecution of religious minorities.',
    en,
  )
  assert.ok(r.score < -5, String(r.score))
})

test('sentence-level tone only for selected sentences; empty and huge input never throw', () => {
  const s = scoreSentences('Hà Nội mưa. Đắk Lắk phát triển mạnh mẽ. Giá vàng giảm.', vi, (x) =>
    x.includes('Đắk Lắk'),
  )
  assert.equal(s.length, 1)
  assert.ok(s[0]!.score > 0)
  assert.deepEqual(scoreText('', vi), { score: 0, drivers: [], hits: 0 })
  assert.equal(typeof scoreText('tốt '.repeat(200_000), vi).score, 'number')
})
