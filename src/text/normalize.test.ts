import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { foldText } from './fold.js'
import { normalizeText } from './normalize.js'
import { placeTone } from './tone-placement.js'

describe('placeTone', () => {
  const cases: [string, string][] = [
    ['hoà', 'hòa'],
    ['hòa', 'hòa'],
    ['HOÀ', 'HÒA'],
    ['Hoà', 'Hòa'],
    ['thuỷ', 'thủy'],
    ['uỷ', 'ủy'],
    ['Uỷ', 'Ủy'],
    ['khoẻ', 'khỏe'],
    ['hoá', 'hóa'],
    ['xoã', 'xõa'],
    ['tuỳ', 'tùy'],
    ['hoàng', 'hoàng'], // final consonant: tone on the last vowel either way
    ['hòang', 'hoàng'],
    ['tóan', 'toán'],
    ['qúa', 'quá'],
    ['quý', 'quý'],
    ['gìa', 'già'],
    ['gì', 'gì'],
    ['người', 'người'],
    ['ngừơi', 'người'],
    ['thuế', 'thuế'],
    ['ngoài', 'ngoài'],
    ['ngòai', 'ngoài'],
    ['khuỷu', 'khuỷu'],
    ['mùa', 'mùa'],
    ['muà', 'mùa'],
    ['khuya', 'khuya'],
    ['café', 'café'], // not a Vietnamese syllable (f)
    ['résumé', 'résumé'],
  ]
  for (const [input, want] of cases) {
    it(`${input} → ${want}`, () => assert.equal(placeTone(input), want))
  }
})

describe('normalizeText', () => {
  it('gives one form for every tone placement and Unicode composition', () => {
    const forms = ['Hoà bình', 'Hòa bình', 'Hoa\u0300 bình', 'Ho\u0300a bi\u0300nh']
    for (const f of forms) assert.equal(normalizeText(f), 'Hòa bình')
    assert.equal(normalizeText('thuỷ điện, uỷ ban, sức khoẻ'), 'thủy điện, ủy ban, sức khỏe')
    assert.equal(normalizeText('THUỶ ĐIỆN'), 'THỦY ĐIỆN')
  })

  it('is NFC', () => {
    const nfd = 'Đắk Lắk'.normalize('NFD')
    assert.notEqual(nfd, 'Đắk Lắk')
    assert.equal(normalizeText(nfd), 'Đắk Lắk')
  })

  it('strips zero-width and control characters and collapses whitespace', () => {
    assert.equal(normalizeText('  xin\u200b chào\u00a0\u00a0bạn\t\r\n nhé\u0007 '), 'xin chào bạn nhé')
    assert.equal(normalizeText('Hà\u00adNội\ufeff'), 'HàNội')
    assert.equal(normalizeText('\u202eabc\u202c'), 'abc')
    assert.equal(normalizeText(''), '')
    assert.equal(normalizeText(' \n\t '), '')
  })

  it('keeps line breaks on request', () => {
    assert.equal(normalizeText('một\r\n\r\nhai  \n ba', { keepNewlines: true }), 'một\nhai\nba')
  })

  it('maps the eth stand-in to Đ and leaves other scripts alone', () => {
    assert.equal(normalizeText('Ðà Nẵng'), 'Đà Nẵng')
    assert.equal(normalizeText('北京 Москва café'), '北京 Москва café')
  })
})

describe('foldText', () => {
  const cases: [string, string][] = [
    ['Đắk Lắk', 'dak lak'],
    ['ĐƯỜNG Ủy', 'duong uy'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Hòa hoà', 'hoa hoa'],
    ['Nguyễn Ánh Dương', 'nguyen anh duong'],
    ['chuyển đổi số', 'chuyen doi so'],
    ['Crème Brûlée', 'creme brulee'],
    ['2019: 1.234,5', '2019: 1.234,5'],
  ]
  for (const [input, want] of cases) {
    it(`${input} → ${want}`, () => assert.equal(foldText(input), want))
  }
  it('folds NFD input the same way', () => assert.equal(foldText('Đắk Lắk'.normalize('NFD')), 'dak lak'))
  it('folds other Latin letters and passes other scripts, emoji and noncharacters through', () => {
    assert.equal(foldText('İstanbul Москва 😀 \uffff\ufffe 北京'), 'istanbul москва 😀 \uffff\ufffe 北京')
    assert.equal(foldText(''), '')
    assert.equal(foldText(`${'x'.repeat(10_000)}Ắ`), `${'x'.repeat(10_000)}a`)
  })
})
