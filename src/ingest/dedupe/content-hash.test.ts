import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { contentHash, contentKey } from './content-hash.js'

describe('contentHash', () => {
  it('is the SHA-256 of the comparison key', () => {
    const key = 'ubnd tỉnh quảng trị tổ chức hội nghị xúc tiến đầu tư năm 2025'
    assert.equal(contentKey('UBND tỉnh Quảng Trị tổ chức Hội nghị xúc tiến đầu tư năm 2025.'), key)
    assert.equal(
      contentHash('UBND tỉnh Quảng Trị tổ chức Hội nghị xúc tiến đầu tư năm 2025.'),
      createHash('sha256').update(key).digest('hex'),
    )
  })

  it('lets trivial formatting differences collide', () => {
    const forms = [
      'Sáng 12/3, UBND tỉnh tổ chức hội nghị: "Hòa bình, hữu nghị và hợp tác".',
      'SÁNG 12/3, UBND TỈNH TỔ CHỨC HỘI NGHỊ: “HÒA BÌNH, HỮU NGHỊ VÀ HỢP TÁC”.',
      '  Sáng 12/3 UBND tỉnh tổ chức hội nghị\n\n"Hoà bình – hữu nghị và hợp tác"  ',
      'Sáng 12/3, UBND tỉnh tổ chức hội nghị: "Ho\u0300a bi\u0300nh, hữu nghị và hợp tác".', // NFD
      'Sáng\u00a012/3,\u200b UBND tỉnh tổ chức hội nghị: «Hòa bình, hữu nghị và hợp tác»…',
    ]
    assert.equal(new Set(forms.map(contentHash)).size, 1)
  })

  it('tells different words apart, tones included', () => {
    const a = contentHash('Tỉnh tổ chức hội nghị xúc tiến đầu tư')
    assert.notEqual(a, contentHash('Tỉnh tổ chức hội thảo xúc tiến đầu tư'))
    assert.notEqual(contentHash('bán hàng'), contentHash('bạn hàng'))
    assert.notEqual(contentHash('12/3'), contentHash('1/23'))
  })

  it('gives the hash of the empty key for a text without words', () => {
    assert.equal(contentHash(' … – !'), createHash('sha256').update('').digest('hex'))
  })
})
