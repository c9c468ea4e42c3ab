import assert from 'node:assert/strict'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { test } from 'node:test'
import { createGunzip } from 'node:zlib'
import { sharedDataDir } from '../shared/paths.js'
import { normalizeText } from '../text/normalize.js'
import { indexTokens, MAX_TOKEN_LENGTH, tokenStreamsOfLower } from './index-tokens.js'

/** The streams must be exactly the per-token path joined: both backends index from them. */
function assertSameAsTokens(text: string, max?: number) {
  const tokens = indexTokens(text, max)
  const s = tokenStreamsOfLower(normalizeText(text).toLowerCase(), max)
  assert.equal(s.count, tokens.length, text.slice(0, 80))
  assert.equal(s.exact, tokens.map((t) => t.exact).join(' '))
  assert.equal(s.folded, tokens.map((t) => t.folded).join(' '))
}

test('token streams equal the per-token path on edge cases', () => {
  for (const text of [
    '',
    '  ,;  ',
    'Biển Đông',
    'Hoà bình, THUỶ sản — Đắk Lắk!',
    'covid-19 H5N1 vắc-xin 2.500 tỷ',
    `mot ${'x'.repeat(MAX_TOKEN_LENGTH + 1)} hai ${'y'.repeat(MAX_TOKEN_LENGTH)}`,
    'cafe\u0301 a\u0300b Ǆ İstanbul',
    'tab\there\nnew line\u00a0nbsp\u200bzero',
  ])
    assertSameAsTokens(text)
  assertSameAsTokens('một hai ba bốn năm sáu', 3)
})

test('token streams equal the per-token path on VNTC news text', async () => {
  const input = createReadStream(sharedDataDir('vntc', 'vntc10-train.jsonl.gz')).pipe(createGunzip())
  let n = 0
  for await (const line of createInterface({ input })) {
    const { text } = JSON.parse(line) as { text: string }
    assertSameAsTokens(text)
    assertSameAsTokens(text, 50)
    if (++n >= 300) break
  }
  assert.equal(n, 300)
})
