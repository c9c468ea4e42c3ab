import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createFeaturizer } from './featurizer.js'
import { hashString } from './hash.js'
import { canonicalSyllable, foldSyllable } from './syllables.js'

const unigramsOnly = createFeaturizer({ bigrams: false, folded: false, maxChars: 10_000 })
const withBigrams = createFeaturizer({ bigrams: true, folded: false, maxChars: 10_000 })

const total = (t: { counts: Float32Array }) => t.counts.reduce((a, b) => a + b, 0)

test('old and new tone placement, case and NFD input give the same terms', () => {
  const a = withBigrams.terms('Hoà bình và thuỷ lợi')
  const b = withBigrams.terms('HÒA BÌNH VÀ THỦY LỢI'.normalize('NFD'))
  assert.deepEqual([...a.hashes], [...b.hashes])
  assert.equal(canonicalSyllable('hoà'), canonicalSyllable('hòa'))
  assert.notEqual(canonicalSyllable('tân'), canonicalSyllable('tấn'))
})

test('counts repeated syllables and keeps hashes sorted and distinct', () => {
  const t = unigramsOnly.terms('bóng đá, bóng rổ; bóng chuyền')
  assert.equal(t.hashes.length, 4)
  assert.equal(total(t), 6)
  for (let i = 1; i < t.hashes.length; i++) assert.ok(t.hashes[i]! > t.hashes[i - 1]!)
  const bong = t.hashes.indexOf(hashString(canonicalSyllable('bóng')))
  assert.equal(t.counts[bong], 3)
})

test('bigrams join syllables separated by spaces only, not across punctuation or lines', () => {
  assert.equal(total(withBigrams.terms('đội tuyển quốc gia')), 4 + 3)
  assert.equal(total(withBigrams.terms('đội tuyển. quốc gia')), 4 + 2)
  assert.equal(total(withBigrams.terms('đội tuyển\nquốc gia')), 4 + 2)
})

test('long digit runs collapse into one number feature', () => {
  const a = unigramsOnly.terms('gọi 0912345678')
  const b = unigramsOnly.terms('gọi 0987654321')
  assert.deepEqual([...a.hashes], [...b.hashes])
  assert.notDeepEqual([...unigramsOnly.terms('năm 2006').hashes], [...unigramsOnly.terms('năm 2007').hashes])
})

test('folded variant makes accent-less text share features with accented text', () => {
  const folded = createFeaturizer({ bigrams: false, folded: true, maxChars: 10_000 })
  const shared = (a: string, b: string, f = folded) => {
    const left = new Set(f.terms(a).hashes)
    return [...f.terms(b).hashes].filter((h) => left.has(h)).length
  }
  // Folded unigrams "dak" and "lak" are shared; the exact unigrams are not.
  assert.equal(shared('Đắk Lắk', 'dak lak'), 2)
  assert.equal(shared('Đắk Lắk', 'dak lak', unigramsOnly), 0)
  assert.equal(foldSyllable('đường'), 'duong')
})

test('reads at most maxChars characters and never fails on empty or odd input', () => {
  const short = createFeaturizer({ bigrams: true, folded: false, maxChars: 5 })
  assert.equal(total(short.terms('abc def ghi')), 2 + 1)
  assert.equal(withBigrams.terms('').hashes.length, 0)
  assert.equal(withBigrams.terms('!!! ... ---').hashes.length, 0)
  assert.ok(withBigrams.terms('\u0000\uffff\ud800 x').hashes.length >= 1)
})

test('the in-place ASCII path agrees with the canonical path', () => {
  const f = createFeaturizer({ bigrams: false, folded: false, maxChars: 10_000 })
  const hashOf = (s: string) => hashString(canonicalSyllable(s))
  const t = f.terms('covid 19 12345đ 123456 abc1 Ab')
  const expected = ['covid', '19', '12345đ', '123456', 'abc1', 'ab'].map(hashOf).sort((a, b) => a - b)
  assert.deepEqual([...t.hashes], expected)
})

test('style terms tell date separators and letter case apart; syllable terms stay the same', () => {
  const styled = createFeaturizer({ bigrams: true, folded: false, maxChars: 10_000, style: true })
  const diff = (a: string, b: string) => {
    const left = new Set(styled.terms(a).hashes)
    return [...styled.terms(b).hashes].filter((h) => !left.has(h)).length
  }
  // Same syllables, different house style: dash vs slash dates, title vs upper case.
  assert.ok(diff('Ngày 27-9, tại Hà Nội', 'Ngày 27/9, tại Hà Nội') > 0)
  assert.ok(diff('Tại Hà Nội', 'TẠI HÀ NỘI') > 0)
  assert.equal(diff('Tại Hà Nội (NLĐ)', 'Tại  Hà Nội  (NLĐ)'), 0)
  // Every syllable term of the plain featurizer is still there, plus the style terms.
  const text = 'Thành lập dự án POLICY (NLĐ)- Ngày 27-9, ông Hậu nói: "HIV/AIDS".'
  const plain = withBigrams.terms(text)
  const both = new Set(styled.terms(text).hashes)
  assert.ok([...plain.hashes].every((h) => both.has(h)))
  assert.ok(both.size > plain.hashes.length)
  assert.equal(styled.terms('').hashes.length, 0)
  assert.equal(styled.terms('!!! ... ---').hashes.length, 0)
  // Lowercasing that changes the length (dotted capital I) must not misalign the case reading.
  assert.ok(styled.terms('İstanbul và Hà Nội').hashes.length > 0)
})
