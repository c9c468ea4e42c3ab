import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fold, foldKey, nameKey, toneKey } from './fold.js'
import { tokenize } from './tokenize.js'

test('fold strips diacritics, đ→d, lowercases, keeps length', () => {
  const s = 'Đắk Lắk, THỪA THIÊN HUẾ – Ea H’Leo'
  assert.equal(fold(s), 'dak lak, thua thien hue – ea h’leo')
  assert.equal(fold(s).length, s.length)
})

test('tone keys ignore where the mark sits but keep tone and vowel marks', () => {
  assert.equal(toneKey('hoà'), toneKey('hòa'))
  assert.equal(toneKey('Thuỷ'), toneKey('thủy'))
  assert.notEqual(toneKey('tân'), toneKey('tấn'))
  assert.notEqual(toneKey('tân'), toneKey('tan'))
  assert.equal(nameKey('Khánh Hoà'), nameKey('khánh hòa'))
  assert.equal(foldKey('Bà Rịa-Vũng Tàu'), 'ba ria vung tau')
})

test('tokens carry the separator class and sentence number', () => {
  const t = tokenize('TP.HCM, Bà Rịa - Vũng Tàu. Hà Nội')
  assert.deepEqual(
    t.map((x) => [x.raw, x.gap, x.sentence]),
    [
      ['TP', 'start', 0],
      ['HCM', 'joiner', 0],
      ['Bà', 'comma', 0],
      ['Rịa', 'space', 0],
      ['Vũng', 'joiner', 0],
      ['Tàu', 'space', 0],
      ['Hà', 'dot', 1],
      ['Nội', 'space', 1],
    ],
  )
})
