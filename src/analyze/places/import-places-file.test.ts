import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { sharedDataDir } from '../../shared/paths.js'
import { findPlaces } from './find-places.js'
import { gazetteerFromStored } from './gazetteer.js'
import { importPlacesFile } from './import-places-file.js'
import { linkSuccessors } from './link-successors.js'

const bytes = (s: string) => new TextEncoder().encode(s)

test('recognises each supported file by its content', async () => {
  const csv = readFileSync(new URL('./fixtures/statistics-2025.csv', import.meta.url))
  assert.equal((await importPlacesFile(csv)).kind, 'statistics-csv')
  const mapping = await importPlacesFile(
    readFileSync(sharedDataDir('vn-admin-units/old-to-new/new_to_old.json')),
  )
  assert.equal(mapping.kind, 'new-to-old')
  assert.equal(mapping.mapping?.wards.length, 3315)
  const units = await importPlacesFile(readFileSync(sharedDataDir('vn-admin-units/2025/units-2025.json')))
  assert.deepEqual([units.kind, units.records.length], ['units-2025', 34 + 3321])
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('x').addRows([
    ['Tỉnh / Thành Phố', 'Mã TP', 'Phường Xã', 'Mã PX', 'Cấp'],
    ['Tỉnh Vĩnh Long', 86, 'Xã Tân Quới', 29800, 'Xã'],
  ])
  const xlsx = await importPlacesFile(new Uint8Array(await wb.xlsx.writeBuffer()))
  assert.deepEqual(
    [xlsx.kind, xlsx.records.map((r) => r.id)],
    ['statistics-xlsx', ['vn:2025:province:86', 'vn:2025:ward:29800']],
  )
  await assert.rejects(importPlacesFile(bytes('{"a":1}')), { code: 'PARSE_FAILED' })
  await assert.rejects(importPlacesFile(bytes('[1,')), { code: 'PARSE_FAILED' })
})

test('stored records + shipped places: the round trip the CLI and the places table make', async () => {
  const pre = await importPlacesFile(
    readFileSync(new URL('./fixtures/statistics-pre2025.csv', import.meta.url)),
  )
  const now = await importPlacesFile(readFileSync(new URL('./fixtures/statistics-2025.csv', import.meta.url)))
  const mapping = await importPlacesFile(
    readFileSync(sharedDataDir('vn-admin-units/old-to-new/new_to_old.json')),
  )
  const stored = linkSuccessors([...pre.records, ...now.records], mapping.mapping!).records
  assert.deepEqual(stored.find((r) => r.id === 'vn:pre2025:district:863')?.successorIds, [
    'vn:2025:ward:29785',
    'vn:2025:ward:29788',
    'vn:2025:ward:29800',
  ])
  const gaz = gazetteerFromStored(stored)
  assert.ok(gaz.records.get('vn:2025:province:79')!.aliases.includes('TP.HCM'), 'shipped province wins')
  const m = findPlaces({ body: 'UBND huyện Bình Tân, tỉnh Vĩnh Long.' }, gaz)
  assert.deepEqual(m[0]?.currentIds, ['vn:2025:ward:29785', 'vn:2025:ward:29788', 'vn:2025:ward:29800'])
})
