import { readFileSync } from 'node:fs'
import { sharedDataDir } from '../../shared/paths.js'
import { type Gazetteer, loadGazetteer } from './gazetteer.js'

/** Test helper: the official lists read in place from the shared data directory. */
export const readUnits = (rel: string): unknown =>
  JSON.parse(readFileSync(sharedDataDir('vn-admin-units', rel), 'utf8'))

let full: Gazetteer | null = null

/** The gazetteer with every imported unit and the old→new mapping, built once per test file. */
export function fullGazetteer(): Gazetteer {
  full ??= loadGazetteer({
    units2025: readUnits('2025/units-2025.json'),
    unitsPre2025: readUnits('pre2025/units-pre2025.json'),
    newToOld: readUnits('old-to-new/new_to_old.json'),
  })
  return full
}
