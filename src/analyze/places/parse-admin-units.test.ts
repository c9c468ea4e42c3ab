import assert from 'node:assert/strict'
import { test } from 'node:test'
import { linkSuccessors } from './link-successors.js'
import { parseAdminUnitsJson } from './parse-admin-units.js'
import { parseNewToOld } from './parse-new-to-old.js'
import { readUnits } from './test-gazetteer.js'

const count = (rs: { level: string }[], level: string) => rs.filter((r) => r.level === level).length

test('the 2025 list: 34 provinces, 3,321 communes (phường, xã, đặc khu)', () => {
  const rs = parseAdminUnitsJson(readUnits('2025/units-2025.json'), { era: '2025' })
  assert.equal(count(rs, 'province'), 34)
  assert.equal(count(rs, 'commune'), 3321)
  assert.equal(count(rs, 'district'), 0)
  const ward = rs.find((r) => r.id === 'vn:2025:ward:00004')!
  assert.deepEqual(
    [ward.name, ward.type, ward.parentId, ward.validFrom],
    ['Ba Đình', 'phường', 'vn:2025:province:01', '2025-07-01'],
  )
  assert.equal(rs.filter((r) => r.type === 'đặc khu').length, 13)
})

test('the pre-2025 list: 63 provinces, 696 districts, about 10k communes with their types', () => {
  const rs = parseAdminUnitsJson(readUnits('pre2025/units-pre2025.json'), { era: 'pre2025' })
  assert.equal(count(rs, 'province'), 63)
  assert.equal(count(rs, 'district'), 696)
  assert.equal(count(rs, 'commune'), 10035)
  const d = rs.find((r) => r.id === 'vn:pre2025:district:863')!
  assert.deepEqual(
    [d.name, d.type, d.parentId, d.validTo],
    ['Bình Tân', 'huyện', 'vn:pre2025:province:86', '2025-06-30'],
  )
  assert.equal(rs.find((r) => r.id === 'vn:pre2025:ward:29800')?.type, 'thị trấn')
  assert.equal(rs.find((r) => r.id === 'vn:pre2025:district:777')?.type, 'quận')
})

test('rejects a file of another shape', () => {
  assert.throws(() => parseAdminUnitsJson({ wards: [] }, { era: '2025' }), { code: 'PARSE_FAILED' })
  assert.throws(() => parseAdminUnitsJson(readUnits('2025/units-2025.json'), { era: 'pre2025' }), {
    code: 'PARSE_FAILED',
  })
})

test('old→new chain: old commune → new commune, old district → the new communes its communes went to', () => {
  const units = [
    ...parseAdminUnitsJson(readUnits('2025/units-2025.json'), { era: '2025' }),
    ...parseAdminUnitsJson(readUnits('pre2025/units-pre2025.json'), { era: 'pre2025' }),
  ]
  const { records, report } = linkSuccessors(units, parseNewToOld(readUnits('old-to-new/new_to_old.json')))
  const byId = new Map(records.map((r) => [r.id, r]))
  // NQ 1687/NQ-UBTVQH15 item 25: Tân Bình + Thành Lợi + TT Tân Quới → xã Tân Quới (29800)
  for (const old of ['29797', '29791', '29800'])
    assert.deepEqual(byId.get(`vn:pre2025:ward:${old}`)?.successorIds, ['vn:2025:ward:29800'])
  assert.deepEqual(byId.get('vn:pre2025:ward:29782')?.successorIds, ['vn:2025:ward:29785'])
  assert.deepEqual(byId.get('vn:pre2025:district:863')?.successorIds, [
    'vn:2025:ward:29785',
    'vn:2025:ward:29788',
    'vn:2025:ward:29800',
  ])
  // quận Bình Tân (HCMC) → phường Bình Tân, Bình Hưng Hòa, Bình Trị Đông, An Lạc, Tân Tạo (+ parts elsewhere)
  const binhTanHcm = byId.get('vn:pre2025:district:777')!.successorIds
  for (const w of ['27442', '27439', '27448', '27460', '27457'])
    assert.ok(binhTanHcm.includes(`vn:2025:ward:${w}`), w)
  assert.equal(report.newCommunesUnresolved.length, 0)
  assert.ok(report.oldCommunesLinked > 9900, `linked ${report.oldCommunesLinked}`)
  assert.ok(report.districtsLinked > 680, `districts ${report.districtsLinked}`)
  // a new commune's successor chain ends in its 2025 province
  assert.equal(byId.get('vn:2025:ward:29800')?.parentId, 'vn:2025:province:86')
})
