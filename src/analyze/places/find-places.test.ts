import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPlaces } from './find-places.js'
import { loadGazetteer } from './gazetteer.js'
import { fullGazetteer } from './test-gazetteer.js'

const small = loadGazetteer()
const ids = (text: Parameters<typeof findPlaces>[0], g = small, opts = {}) =>
  findPlaces(text, g, opts).map((m) => m.placeId)

test('aliases of Hồ Chí Minh City and Huế', () => {
  for (const alias of [
    'TP.HCM',
    'TP HCM',
    'Tp.HCM',
    'TPHCM',
    'HCMC',
    'Sài Gòn',
    'Saigon',
    'thành phố Hồ Chí Minh',
  ]) {
    const m = findPlaces({ body: `Giá nhà ở ${alias} tiếp tục tăng trong quý này.` }, small)
    assert.deepEqual(
      m.map((x) => x.currentIds),
      [['vn:2025:province:79']],
      alias,
    )
  }
  for (const alias of ['Huế', 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'thành phố Huế']) {
    const m = findPlaces({ body: `Du khách đến ${alias} ngày càng đông.` }, small)
    assert.deepEqual(
      m.map((x) => x.currentIds),
      [['vn:2025:province:46']],
      alias,
    )
  }
  const m = findPlaces({ title: 'Sài Gòn mưa lớn', body: 'Mưa lớn ở TP.HCM; HCMC và Sài Gòn ngập.' }, small)
  assert.equal(m.length, 1)
  assert.deepEqual([m[0]!.field, m[0]!.count, m[0]!.fields], ['title', 4, { title: 1, lead: 0, body: 3 }])
})

test('English text: folded names, "province" after the name, acronyms by case', () => {
  const m = findPlaces(
    {
      title: 'Storm nears Da Nang',
      body: 'Fishermen in Quang Ninh province and Hanoi were warned. Officials in the US and China spoke of the South China Sea; us and them.',
    },
    small,
  )
  const got = new Map(m.map((x) => [x.placeId, x]))
  for (const id of [
    'vn:2025:province:48',
    'vn:2025:province:22',
    'vn:2025:province:01',
    'country:US',
    'country:CN',
    'region:bien-dong',
  ])
    assert.ok(got.has(id), id)
  assert.equal(got.get('country:US')!.count, 1, 'lowercase "us" is not the United States')
  assert.ok(got.get('vn:2025:province:22')!.confidence >= 0.8)
})

test('"hòa bình" (peace) is not a place; "tỉnh Hòa Bình" is the former province, now Phú Thọ', () => {
  assert.deepEqual(ids({ body: 'Nhân dân mong muốn hòa bình, độc lập và thống nhất.' }), [])
  assert.deepEqual(ids({ body: 'Hòa bình là khát vọng chung.' }), [])
  assert.deepEqual(ids({ title: 'KHÁT VỌNG HÒA BÌNH', body: 'Bài viết.' }), [])
  assert.deepEqual(ids({ title: 'TỈNH HÒA BÌNH ĐÓN KHÁCH', body: 'Bài viết.' }), ['vn:pre2025:province:17'])
  const m = findPlaces({ body: 'Năm 2019, tỉnh Hòa Bình đón 3 triệu khách. Vì hòa bình.' }, small)
  assert.deepEqual(
    m.map((x) => [x.placeId, x.count, x.currentIds]),
    [['vn:pre2025:province:17', 1, ['vn:2025:province:25']]],
  )
})

test('diacritics must agree when the text has them: Bình Tân ≠ Bình Tấn', () => {
  const g = fullGazetteer()
  assert.deepEqual(ids({ body: 'Ông Bình Tấn, quê ở TP.HCM, phát biểu.' }, g), ['vn:2025:province:79'])
  assert.deepEqual(ids({ body: 'Ngập nặng ở quận Bình Tấn, TP.HCM.' }, g), ['vn:2025:province:79'])
})

test('Bình Tân in Vĩnh Long (2019 district) vs Bình Tân in Hồ Chí Minh City', () => {
  const g = fullGazetteer()
  const vl = findPlaces(
    { body: 'Ngày 13/3/2019, UBND huyện Bình Tân, tỉnh Vĩnh Long ban hành Kế hoạch số 04/KH-UBND.' },
    g,
    { at: '2019-03-13' },
  )
  const vlDistrict = vl.find((m) => m.level === 'district')!
  assert.equal(vlDistrict.placeId, 'vn:pre2025:district:863')
  assert.deepEqual(vlDistrict.currentIds, ['vn:2025:ward:29785', 'vn:2025:ward:29788', 'vn:2025:ward:29800'])
  assert.ok(vl.some((m) => m.placeId === 'vn:pre2025:province:86'))
  const hcm = findPlaces({ body: 'Người dân quận Bình Tân, TP.HCM xếp hàng mua vàng.' }, g)
  const hcmDistrict = hcm.find((m) => m.level === 'district')!
  assert.equal(hcmDistrict.placeId, 'vn:pre2025:district:777')
  assert.ok(hcmDistrict.currentIds.includes('vn:2025:ward:27442'))
  // without a type word the parent beside it decides
  assert.ok(ids({ body: 'Lũ về Bình Tân (Vĩnh Long) sớm.' }, g).includes('vn:pre2025:district:863'))
  assert.ok(
    ids({ body: 'Giao thông ở Bình Tân, TP.HCM ùn tắc.' }, g).some((id) =>
      ['vn:pre2025:district:777', 'vn:2025:ward:27442'].includes(id),
    ),
  )
  // and without any parent nor home, a bare commune-level name is not guessed
  assert.deepEqual(ids({ body: 'Bình Tân có nhiều khu công nghiệp.' }, g), [])
})

test('home locality decides a bare commune name; the 2025 phường is named with its type word', () => {
  const g = fullGazetteer()
  assert.ok(
    ids({ body: 'Bình Tân có nhiều khu công nghiệp.' }, g, { home: 'vn:2025:province:86' }).includes(
      'vn:pre2025:district:863',
    ),
  )
  assert.deepEqual(ids({ body: 'UBND phường Bình Tân tổ chức hội nghị.' }, g), ['vn:2025:ward:27442'])
})

test('communes in lists inherit the type word; old communes map to the new one', () => {
  const g = fullGazetteer()
  const m = findPlaces(
    { body: 'Huyện Bình Tân sáp nhập các xã Tân Bình, Thành Lợi và thị trấn Tân Quới thành xã Tân Quới.' },
    g,
  )
  const got = new Map(m.map((x) => [x.placeId, x.currentIds]))
  for (const old of ['29797', '29791', '29800'])
    assert.deepEqual(got.get(`vn:pre2025:ward:${old}`), ['vn:2025:ward:29800'], old)
  assert.ok(got.has('vn:2025:ward:29800'))
})

test('streets, people, markets and common words are not places', () => {
  const g = fullGazetteer()
  const text =
    'Tư tưởng Hồ Chí Minh được học tập. Cửa hàng trên đường Hà Nội và phố Huế; chợ Bến Thành đông khách. Mỹ phẩm, ý kiến, anh ấy.'
  assert.deepEqual(ids({ body: text }, g), [])
  assert.deepEqual(ids({ body: 'Tổng thống Mỹ Donald Trump thăm Nhật Bản.' }, g), [
    'country:US',
    'country:JP',
  ])
  assert.deepEqual(
    ids({ body: 'Học sinh thi hát tiếng Anh. Cục trưởng, ông Bùi Quang Anh, phát biểu.' }, g),
    [],
  )
  assert.deepEqual(ids({ body: 'Ở Hà Nội, đối tượng Việt Hùng (trú tại Côn Minh, Trung Quốc) bị bắt.' }, g), [
    'vn:2025:province:01',
    'region:con-minh',
    'country:CN',
  ])
  // a house number before a commune-like name is a street address
  assert.deepEqual(ids({ body: 'Cửa hàng ở 19 Cát Linh, Hà Nội.' }, g), ['vn:2025:province:01'])
  // a name glued to the next capitalised syllable is part of a longer name ("Lăng Quán" is spelled "Lang Quán")
  assert.ok(
    !ids({ body: 'Tại xã Lăng Quán, huyện Yên Sơn, tỉnh Tuyên Quang.' }, g).some((id) =>
      id.includes(':ward:'),
    ),
  )
})
