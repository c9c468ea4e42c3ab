import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { isAppError } from '../../shared/errors.js'
import { decodeHtml } from './decode-html.js'
import { extractPath } from './extract-path.js'

const BODY =
  'Ủy ban nhân dân tỉnh tổ chức họp báo định kỳ quý I, cung cấp thông tin chính thống về tình hình kinh tế - xã hội, thu hút đầu tư và công tác đối ngoại của địa phương cho các cơ quan báo chí.'

const page = (title: string, charsetMeta = '<meta charset="utf-8">') =>
  `<html lang="vi"><head>${charsetMeta}<title>${title}</title></head><body><article><h1>${title}</h1><p>${BODY}</p><p>${BODY}</p></article></body></html>`

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'])

/** Encodes text as windows-1258: precomposed letters it has, else base letter + combining tone mark. */
function toWindows1258(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1258')
  const table = new Map<string, number>()
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b)
  const out: number[] = []
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch)
    if (direct !== undefined) {
      out.push(direct)
      continue
    }
    const parts = [...ch.normalize('NFD')]
    const tone = parts.find((c) => TONES.has(c)) ?? ''
    const base = table.get(
      parts
        .filter((c) => c !== tone)
        .join('')
        .normalize('NFC'),
    )
    const mark = table.get(tone)
    if (base === undefined || mark === undefined) throw new Error(`no windows-1258 bytes for ${ch}`)
    out.push(base, mark)
  }
  return Uint8Array.from(out)
}

describe('extractPath', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'haidang-extract-'))
    writeFileSync(join(dir, 'hop-bao.html'), page('Họp báo định kỳ quý I'))
    writeFileSync(join(dir, 'nen.html.gz'), gzipSync(Buffer.from(page('Bản tin nén gzip'))))
    writeFileSync(join(dir, 'ghi-chu.txt'), 'not html')
    mkdirSync(join(dir, 'con.html'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('gives one object keyed by file name for a directory of .html and .html.gz', async () => {
    const out = (await extractPath(dir)) as Record<
      string,
      { title: string; articleBody: string; lang: string }
    >
    assert.deepEqual(Object.keys(out), ['hop-bao', 'nen'])
    assert.equal(out['hop-bao']!.title, 'Họp báo định kỳ quý I')
    assert.equal(out.nen!.title, 'Bản tin nén gzip')
    assert.match(out.nen!.articleBody, /cơ quan báo chí/)
    assert.deepEqual(Object.keys(out.nen!).sort(), [
      'articleBody',
      'author',
      'lang',
      'lead',
      'publishedAt',
      'title',
      'url',
    ])
  })

  it('reads a single file, gzip found by magic bytes whatever the name', async () => {
    const f = join(dir, 'khong-duoi')
    writeFileSync(f, gzipSync(Buffer.from(page('Tệp không đuôi'))))
    const out = (await extractPath(f)) as { title: string }
    assert.equal(out.title, 'Tệp không đuôi')
  })

  it('throws NOT_FOUND for a missing path', async () => {
    await assert.rejects(extractPath(join(dir, 'khong-co')), (e) => isAppError(e) && e.code === 'NOT_FOUND')
  })
})

describe('decodeHtml', () => {
  it('decodes windows-1258 declared by http-equiv', () => {
    const html = page(
      'Thông tin đối ngoại',
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
    )
    const text = decodeHtml(toWindows1258(html))
    assert.match(text, /<title>Thông tin đối ngoại<\/title>/)
  })

  it('decodes windows-1252 and UTF-16 with BOM', () => {
    const latin = Uint8Array.from([
      ...Buffer.from('<meta charset="windows-1252"><p>caf'),
      0xe9,
      ...Buffer.from('</p>'),
    ])
    assert.match(decodeHtml(latin), /café/)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Hải Đăng</p>', 'utf16le')])
    assert.equal(decodeHtml(utf16), '<p>Hải Đăng</p>')
  })

  it('defaults to UTF-8 and strips a UTF-8 BOM', () => {
    assert.equal(decodeHtml(Buffer.from('\ufeff<p>Đà Nẵng</p>')), '<p>Đà Nẵng</p>')
    assert.equal(decodeHtml(Buffer.from('<p>Đà Nẵng</p>')), '<p>Đà Nẵng</p>')
  })
})
