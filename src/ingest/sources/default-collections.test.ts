import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultCollectionFor } from './default-collections.js'
import { loadStarterDirectory } from './starter-directory.js'

const facts = (
  name: string,
  homepage: string,
  kind: 'domestic' | 'foreign' | 'government' | 'other',
  country = 'VN',
) => ({
  name,
  homepage,
  kind,
  country,
  collection: null,
})

test('starter outlets land in the collection the directory names (đối ngoại press counts as central)', () => {
  const expected: Record<string, string> = {
    'Báo chí trung ương': 'central',
    'Báo chí đối ngoại': 'central',
    'Báo địa phương': 'local',
    'Báo chí nước ngoài': 'foreign',
  }
  for (const o of loadStarterDirectory()) {
    // Without the directory's group: the rule alone must find the same answer.
    assert.equal(defaultCollectionFor({ ...o, collection: null }), expected[o.collection], o.name)
    assert.equal(defaultCollectionFor(o), expected[o.collection], o.name)
  }
})

test('provincial outlets are found by province or region in the name or the host', () => {
  assert.equal(
    defaultCollectionFor(facts('Báo Tây Nguyên Mới', 'https://taynguyenmoi.example/', 'domestic')),
    'local',
  )
  assert.equal(
    defaultCollectionFor(facts('Cổng TTĐT tỉnh Đắk Lắk (mẫu)', 'https://x.example/', 'government')),
    'local',
  )
  assert.equal(defaultCollectionFor(facts('Báo Hà Nội Mới', 'https://hanoimoi.vn/', 'domestic')), 'local')
  assert.equal(defaultCollectionFor(facts('QN Online', 'https://baoquangninh.vn/', 'domestic')), 'local')
  assert.equal(defaultCollectionFor(facts('Thanh Niên', 'https://thanhnien.vn/', 'domestic')), 'central')
  assert.equal(
    defaultCollectionFor(facts('Thời báo Kinh tế Việt', 'https://ktv.example/', 'domestic')),
    'central',
  )
  assert.equal(
    defaultCollectionFor(facts('Mekong Observer', 'https://mekong.example/', 'foreign', 'TH')),
    'foreign',
  )
  assert.equal(defaultCollectionFor(facts('Blog', 'https://blog.example/', 'other')), null)
})
