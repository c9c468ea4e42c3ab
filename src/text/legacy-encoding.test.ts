import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { decodeLegacy, detectLegacyEncoding, encodeLegacy, repairLegacyText } from './legacy-encoding.js'
import { TCVN3_FIRST_BYTE, TCVN3_HIGH } from './legacy-tables.js'

const SENTENCE =
  'Ủy ban nhân dân tỉnh Quảng Ngãi vừa ban hành kế hoạch số 04/KH-UBND về công tác thông tin đối ngoại năm 2019.'

describe('TCVN3 (ABC)', () => {
  it('decodes text as it appears when ABC bytes are read as windows-1252', () => {
    assert.equal(decodeLegacy('Hµ Néi', 'tcvn3'), 'Hà Nội')
    assert.equal(decodeLegacy('§¾k L¾k', 'tcvn3'), 'Đắk Lắk')
    assert.equal(decodeLegacy('Thõa Thiªn HuÕ', 'tcvn3'), 'Thừa Thiên Huế')
    assert.equal(decodeLegacy('ViÖt Nam', 'tcvn3'), 'Việt Nam')
  })

  it('round-trips names and a sentence (toned capitals become small: ABC has none)', () => {
    for (const s of ['Hà Nội', 'Đắk Lắk', 'Thừa Thiên Huế'])
      assert.equal(decodeLegacy(encodeLegacy(s, 'tcvn3'), 'tcvn3'), s)
    const legacy = encodeLegacy(SENTENCE, 'tcvn3')
    assert.equal(legacy.slice(0, 24), 'ñy ban nh©n d©n tØnh Qu¶')
    assert.equal(decodeLegacy(legacy, 'tcvn3'), SENTENCE.replace('Ủy', 'ủy'))
  })

  it('matches the system TCVN5712-1 table where iconv has it', (t) => {
    const bytes = Buffer.from(
      Array.from({ length: 0x100 - TCVN3_FIRST_BYTE }, (_, i) => TCVN3_FIRST_BYTE + i),
    )
    const r = spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: bytes })
    if (r.status !== 0) {
      t.skip('iconv with TCVN5712-1 not available')
      return
    }
    const reference = [...r.stdout.toString('utf8')]
    ;[...TCVN3_HIGH].forEach((ch, i) => {
      const byte = TCVN3_FIRST_BYTE + i
      if (byte >= 0xb0 && byte <= 0xb4) return // combining marks in the standard, kept as latin1 here
      assert.equal(ch, reference[i], `byte 0x${byte.toString(16)}`)
    })
  })
})

describe('VNI', () => {
  it('decodes VNI-Windows text read as windows-1252', () => {
    assert.equal(decodeLegacy('Haø Noäi', 'vni'), 'Hà Nội')
    assert.equal(decodeLegacy('Ñaék Laék', 'vni'), 'Đắk Lắk')
    assert.equal(decodeLegacy('Thöøa Thieân Hueá', 'vni'), 'Thừa Thiên Huế')
    assert.equal(decodeLegacy('VIEÄT NAM', 'vni'), 'VIỆT NAM')
    assert.equal(decodeLegacy('tænh Quaûng Ngaõi, ngöôøi, kyõ, bò', 'vni'), 'tỉnh Quảng Ngãi, người, kỹ, bị')
  })

  it('round-trips names and a sentence, capitals included', () => {
    for (const s of ['Hà Nội', 'Đắk Lắk', 'Thừa Thiên Huế', SENTENCE, 'ỦY BAN NHÂN DÂN ĐẮK LẮK']) {
      assert.equal(decodeLegacy(encodeLegacy(s, 'vni'), 'vni'), s)
    }
    assert.equal(encodeLegacy('Thừa Thiên Huế', 'vni'), 'Thöøa Thieân Hueá')
  })
})

describe('detectLegacyEncoding / repairLegacyText', () => {
  it('recognises each encoding in a sentence', () => {
    assert.equal(detectLegacyEncoding(encodeLegacy(SENTENCE, 'tcvn3')), 'tcvn3')
    assert.equal(detectLegacyEncoding(encodeLegacy(SENTENCE, 'vni')), 'vni')
    const repaired = repairLegacyText(encodeLegacy(SENTENCE, 'vni'))
    assert.deepEqual(repaired, { text: SENTENCE, encoding: 'vni' })
  })

  it('leaves Unicode Vietnamese and Western text alone', () => {
    assert.equal(detectLegacyEncoding(SENTENCE), null)
    assert.equal(detectLegacyEncoding('The café at Noël served crème brûlée — © 2020 Company®'), null)
    assert.equal(detectLegacyEncoding('España y México firman un acuerdo en São Paulo'), null)
    assert.equal(detectLegacyEncoding('Der Bürgermeister von Köln'), null)
    assert.deepEqual(repairLegacyText('plain ascii'), { text: 'plain ascii', encoding: null })
  })
})
