import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPlaces } from './find-places.js'
import { homeRelevance } from './home-relevance.js'
import { fullGazetteer } from './test-gazetteer.js'

const relevance = (body: string, home: string, title?: string) => {
  const g = fullGazetteer()
  return homeRelevance(findPlaces({ title, body }, g, { home }), g, home)
}

test('a 2019 district now merged into the home commune counts for the commune', () => {
  const r = relevance(
    'UBND huyện Bình Tân, tỉnh Vĩnh Long triển khai kế hoạch thông tin đối ngoại.',
    'vn:2025:ward:29800',
  )
  assert.deepEqual([r.country, r.province, r.commune], [true, true, true])
  assert.ok(r.score > 0.5)
})

test('a commune elsewhere in the home province counts for the province only', () => {
  const r = relevance('Xã Mỹ Thuận, tỉnh Vĩnh Long có mô hình trồng bưởi hiệu quả.', 'vn:2025:ward:29800')
  assert.deepEqual([r.country, r.province, r.commune], [true, true, false])
})

test('a former province merged into the home province counts for it', () => {
  const r = relevance('Tỉnh Bến Tre (cũ) có nhiều dừa.', 'vn:2025:province:86')
  assert.deepEqual([r.province, r.commune], [true, false])
})

test('the old district as home: its new communes count', () => {
  const r = relevance('Xã Tân Lược đẩy mạnh chuyển đổi số.', 'vn:pre2025:district:863')
  assert.equal(r.commune, true)
})

test('foreign news about the country but not the locality; then nothing at all', () => {
  const r = relevance('China and Vietnam discussed the East Sea in Hanoi.', 'vn:2025:province:86')
  assert.deepEqual([r.country, r.province, r.commune], [true, false, false])
  const none = relevance('Japan and South Korea signed a trade deal.', 'vn:2025:province:86')
  assert.deepEqual(none, { country: false, province: false, commune: false, score: 0 })
  const title = relevance('Tin trong nước.', 'vn:2025:province:86', 'Vĩnh Long đón đầu tư')
  const body = relevance('Vĩnh Long đón đầu tư.', 'vn:2025:province:86')
  assert.ok(title.score > body.score, 'a title mention weighs more')
})
