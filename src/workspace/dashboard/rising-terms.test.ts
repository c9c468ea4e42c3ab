import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTitleTermsMemo, risingFromTerms, risingTerms, titleTerms } from './rising-terms.js'

const vi = (title: string) => ({ title, lang: 'vi' })

test('a term new in the period rises; one as common before does not', () => {
  const current = [
    vi('Giá cà phê tăng mạnh'),
    vi('Giá cà phê lập đỉnh mới'),
    vi('Xuất khẩu cà phê và giá cà phê'),
    vi('Bão số 3 đổ bộ'),
    vi('Bão số 3 suy yếu'),
    vi('Bão số 3 gây mưa lớn'),
  ]
  const baseline = [vi('Bão số 3 đổ bộ'), vi('Bão số 3 suy yếu'), vi('Bão số 3 gây mưa'), vi('Tin khác')]
  const terms = risingTerms(current, baseline)
  const cafe = terms.find((t) => t.term === 'cà phê')
  assert.ok(cafe, JSON.stringify(terms))
  // counted once per title, even when a title repeats it
  assert.equal(cafe.count, 3)
  assert.equal(cafe.baseline, 0)
  assert.ok(!terms.some((t) => t.term === 'Bão số'), 'as frequent before: not rising')
})

test('written with or without diacritics and in any case, a term is one term', () => {
  const current = [vi('Biển Đông dậy sóng'), vi('biển đông hôm nay'), vi('BIỂN ĐÔNG và ngư dân')]
  const [t] = risingTerms(current, [])
  assert.equal(t?.count, 3)
  assert.equal(t?.term, 'Biển Đông', 'shown as first seen')
})

test('stopwords break bigrams; rare terms stay below the floor', () => {
  const en = (title: string) => ({ title, lang: 'en' })
  const terms = risingTerms([en('the sea and the islands'), en('the sea and the islands'), en('the sea')], [])
  assert.deepEqual(terms, [])
})

test('the memo cuts a title once and again after its TTL; terms from the memo rank alike', () => {
  const memo = createTitleTermsMemo(2, 1000)
  assert.equal(memo.get(1, 0), undefined)
  const terms = memo.put(1, 'Giá cà phê tăng', 'vi', 0)
  assert.equal(memo.get(1, 999), terms)
  assert.equal(memo.get(1, 1000), undefined, 'aged out')
  memo.put(2, 'a', 'vi', 0)
  memo.put(3, 'b', 'vi', 0)
  assert.equal(memo.size, 2, 'bounded')
  const titles = [vi('Giá cà phê tăng'), vi('Giá cà phê giảm'), vi('cà phê Tây Nguyên')]
  assert.deepEqual(
    risingFromTerms(
      titles.map((r) => titleTerms(r.title, r.lang)),
      [],
    ),
    risingTerms(titles, []),
  )
})
