import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import { test } from 'node:test'
import { projectDataDir } from '../../shared/paths.js'
import { foldKey } from './fold.js'
import { parseAdminUnitsJson } from './parse-admin-units.js'
import { parseNewToOld } from './parse-new-to-old.js'
import { loadShippedPlaces } from './shipped-places.js'
import { readUnits } from './test-gazetteer.js'

const shipped = loadShippedPlaces()
const provinces = (era: string) => shipped.filter((r) => r.level === 'province' && r.era === era)
const bare = (s: string) => foldKey(s.replace(/^(thành phố|tỉnh)\s+/i, ''))

test('ships 34 current and 63 former provinces, each file under 1 MB', () => {
  assert.equal(provinces('2025').length, 34)
  assert.equal(provinces('pre2025').length, 63)
  assert.ok(shipped.filter((r) => r.level === 'country').length >= 200)
  assert.ok(shipped.filter((r) => r.level === 'region').length >= 40)
  for (const f of ['provinces.json', 'countries.json'])
    assert.ok(statSync(projectDataDir('gazetteer', f)).size < 1_000_000)
  assert.equal(new Set(shipped.map((r) => r.id)).size, shipped.length, 'ids are unique')
})

test('province codes and names agree with the official lists', () => {
  for (const [era, file] of [
    ['2025', '2025/units-2025.json'],
    ['pre2025', 'pre2025/units-pre2025.json'],
  ] as const) {
    const official = parseAdminUnitsJson(readUnits(file), { era }).filter((r) => r.level === 'province')
    const mine = new Map(provinces(era).map((r) => [r.code, r]))
    assert.equal(mine.size, official.length)
    for (const o of official) assert.equal(mine.get(o.code)?.name, o.name, `${era} ${o.code}`)
  }
})

test('each former province merges into the 2025 province the official mapping names', () => {
  const names2025 = new Map(provinces('2025').map((r) => [bare(r.name), r.id]))
  const oldByName = new Map(provinces('pre2025').map((r) => [bare(r.name), r]))
  const mapping = parseNewToOld(readUnits('old-to-new/new_to_old.json'))
  let checked = 0
  for (const p of mapping.provinces) {
    const target = names2025.get(bare(p.newProvince))
    assert.ok(target, p.newProvince)
    for (const o of p.oldProvinces) {
      assert.deepEqual(oldByName.get(bare(o))?.successorIds, [target], o)
      checked++
    }
  }
  assert.equal(checked, 63)
})

test('aliases the press uses are there', () => {
  const hcm = shipped.find((r) => r.id === 'vn:2025:province:79')!
  for (const a of ['TP.HCM', 'HCMC', 'Sài Gòn', 'Saigon', 'Ho Chi Minh City'])
    assert.ok(hcm.aliases.includes(a), a)
  const us = shipped.find((r) => r.id === 'country:US')!
  assert.deepEqual([us.name, us.nameEn], ['Hoa Kỳ', 'United States'])
  for (const a of ['Mỹ', 'US', 'USA']) assert.ok(us.aliases.includes(a), a)
  assert.equal(shipped.find((r) => r.id === 'region:truong-sa')?.parentId, 'country:VN')
})
