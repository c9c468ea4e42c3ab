import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createLanguageDetector, detectLanguage } from './language.js'

describe('detectLanguage', () => {
  it('recognises Vietnamese with diacritics at once, even in short titles', async () => {
    for (const s of [
      'Hà Nội',
      'Bộ Ngoại giao',
      'Phó Thủ tướng thăm Lào',
      'Quảng Ninh tăng cường thông tin đối ngoại',
    ]) {
      const r = await detectLanguage(s, { declared: 'en' })
      assert.equal(r.lang, 'vi', s)
      assert.ok(r.confidence > 0.9)
    }
  })

  it('recognises Vietnamese written without diacritics', async () => {
    for (const s of [
      'Thu tuong Chinh phu chi dao cac bo nganh',
      'chuyen doi so quoc gia',
      'Bao cao ket qua cong tac thong tin doi ngoai nam 2019',
      'Tin tuc moi nhat ve tinh hinh bien Dong',
    ]) {
      assert.equal((await detectLanguage(s)).lang, 'vi', s)
    }
  })

  it('recognises English and French, and does not take French accents for Vietnamese', async () => {
    assert.equal((await detectLanguage('The Prime Minister visited Hanoi on Monday')).lang, 'en')
    assert.equal((await detectLanguage('Vietnam and the United States sign a trade deal')).lang, 'en')
    assert.equal(
      (await detectLanguage('Le président est arrivé à Hanoï pour une visite officielle')).lang,
      'fr',
    )
  })

  it('falls back to the declared language for very short titles', async () => {
    const r = await detectLanguage('Economy grows', { declared: 'en-US' })
    assert.deepEqual([r.lang, r.reason], ['en', 'short text: declared language'])
  })

  it('never throws: empty, numbers-only and broken input give unknown with a reason', async () => {
    for (const s of ['', '   ', '12345 67,8', '!!! ??? ...', '\u0000\u0001']) {
      const r = await detectLanguage(s)
      assert.equal(r.lang, 'unknown', JSON.stringify(s))
      assert.ok(r.reason.length > 0)
    }
    const broken = createLanguageDetector(
      {
        detect() {
          throw new Error('boom')
        },
      },
      null,
    )
    const r = broken.detect('some english words here')
    assert.equal(r.lang, 'unknown')
    assert.match(r.reason, /boom/)
    // a non-string sneaking in from untyped JSON
    assert.equal(broken.detect(42 as unknown as string).lang, 'unknown')
  })
})
