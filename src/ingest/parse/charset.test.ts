import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { encodeWindows1258 } from '../../../test/fixtures/feeds/windows-1258.js'
import { canonicalCharset, decodeBytes, documentCharset } from './charset.js'

const VI = 'Thông tin đối ngoại: Ủy ban nhân dân tỉnh Đắk Lắk, Đà Nẵng, Hồ Chí Minh'
const utf8 = (s: string) => new TextEncoder().encode(s)
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let i = 0
  for (const p of parts) {
    out.set(p, i)
    i += p.length
  }
  return out
}
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]))
  }
  return new Uint8Array(out)
}
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)))

describe('decodeBytes', () => {
  it('honours a UTF-8 BOM and strips it', () => {
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(VI)), { charset: 'windows-1252' })
    assert.deepEqual([r.text, r.charset, r.source], [VI, 'utf-8', 'bom'])
  })
  it('decodes UTF-16LE and UTF-16BE with BOMs, and an XML prolog without one', () => {
    assert.equal(decodeBytes(utf16(VI, true, true)).text, VI)
    assert.equal(decodeBytes(utf16(VI, false, true)).text, VI)
    const xml = `<?xml version="1.0" encoding="UTF-16"?><rss><title>${VI}</title></rss>`
    const r = decodeBytes(utf16(xml, true, false))
    assert.deepEqual([r.text, r.charset], [xml, 'utf-16le'])
  })
  it('uses the Content-Type charset', () => {
    const r = decodeBytes(encodeWindows1258(VI), { charset: 'windows-1258' })
    assert.deepEqual([r.text, r.charset, r.source], [VI, 'windows-1258', 'header'])
  })
  it('reads the XML declaration, <meta charset> and http-equiv', () => {
    const body = encodeWindows1258(`<title>${VI}</title>`)
    const xml = concat(latin1('<?xml version="1.0" encoding="windows-1258"?>'), body)
    const meta = concat(latin1('<html><head><meta charset="windows-1258">'), body)
    const equiv = concat(
      latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'),
      body,
    )
    for (const b of [xml, meta, equiv]) {
      const r = decodeBytes(b)
      assert.equal(r.charset, 'windows-1258')
      assert.equal(r.source, 'document')
      assert.ok(r.text.includes(VI), r.text)
    }
  })
  it('decodes windows-1252 and iso-8859-1 (Western foreign press)', () => {
    const fr = 'Le Vietnam déploie « l’économie » — café'
    const bytes = new Uint8Array([...fr].map((c) => (c === '’' ? 0x92 : c === '—' ? 0x97 : c.charCodeAt(0))))
    assert.equal(decodeBytes(bytes, { charset: 'windows-1252' }).text, fr)
    assert.equal(decodeBytes(latin1('café déjà'), { charset: 'ISO-8859-1' }).text, 'café déjà')
  })
  it('prefers valid multibyte UTF-8 over a wrong single-byte declaration', () => {
    const r = decodeBytes(utf8(`<?xml version="1.0" encoding="windows-1252"?><t>${VI}</t>`), {
      charset: 'iso-8859-1',
    })
    assert.ok(r.text.includes(VI))
    assert.equal(r.charset, 'utf-8')
    assert.equal(r.overridden, 'windows-1252')
  })
  it('keeps a single-byte declaration when the bytes are not UTF-8', () => {
    const r = decodeBytes(encodeWindows1258(VI), { charset: 'windows-1258' })
    assert.equal(r.overridden, null)
  })
  it('falls back to the document declaration when the header wrongly says UTF-8', () => {
    const b = concat(latin1('<?xml version="1.0" encoding="windows-1258"?><t>'), encodeWindows1258(VI))
    const r = decodeBytes(b, { charset: 'utf-8' })
    assert.ok(r.text.endsWith(VI))
    assert.equal(r.overridden, 'utf-8')
  })
  it('reads windows-1258 bytes labelled UTF-8 (header and meta) as windows-1258', () => {
    const page = concat(latin1('<html><head><meta charset="utf-8"><title>'), encodeWindows1258(VI))
    const r = decodeBytes(page, { charset: 'utf-8' })
    assert.ok(r.text.endsWith(VI), r.text)
    assert.deepEqual([r.charset, r.source, r.overridden], ['windows-1258', 'sniff', 'utf-8'])
    assert.doesNotMatch(decodeBytes(page).text, /\uFFFD/)
  })
  it('reads Western single-byte text labelled UTF-8 as windows-1252', () => {
    const fr = 'Le Vietnam déploie « l’économie » à Paris — café, thé, crème brûlée'
    const bytes = new Uint8Array([...fr].map((c) => (c === '’' ? 0x92 : c === '—' ? 0x97 : c.charCodeAt(0))))
    const r = decodeBytes(bytes, { charset: 'utf-8' })
    assert.deepEqual([r.text, r.charset], [fr, 'windows-1252'])
  })
  it('keeps a UTF-8 page with a stray damaged byte as UTF-8', () => {
    const r = decodeBytes(concat(utf8(VI), new Uint8Array([0xff]), utf8(VI)), { charset: 'utf-8' })
    assert.equal(r.charset, 'utf-8')
    assert.equal(r.text, `${VI}\uFFFD${VI}`)
  })
  it('sniffs UTF-8 without any declaration, else falls back to windows-1258', () => {
    assert.deepEqual(Object.values(decodeBytes(utf8(VI))).slice(0, 3), [VI, 'utf-8', 'sniff'])
    const r = decodeBytes(encodeWindows1258(VI))
    assert.deepEqual([r.text, r.charset, r.source], [VI, 'windows-1258', 'fallback'])
    assert.equal(decodeBytes(latin1('caf\xe9'), { fallback: 'windows-1252' }).text, 'café')
  })
  it('ignores an unknown label', () => {
    assert.equal(decodeBytes(utf8(VI), { charset: 'x-no-such' }).text, VI)
    assert.equal(canonicalCharset('x-no-such'), null)
    assert.equal(canonicalCharset('latin1'), 'windows-1252')
  })
  it('treats a UTF-16 label readable as ASCII as UTF-8', () => {
    assert.equal(documentCharset(utf8('<?xml version="1.0" encoding="utf-16"?><a/>')), 'utf-8')
  })
})
