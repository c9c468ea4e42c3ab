/**
 * Places: the gazetteer (countries, regions, the 34 provinces of today and the 63 before, imported
 * districts and communes of both lists with old→new links) and place recognition in articles.
 *
 * Typical use:
 *   const gaz = loadGazetteer()                               // shipped provinces + countries only
 *   const gaz = gazetteerFromStored(rowsFromPlacesTable)           // + imported units
 *   const mentions = findPlaces({ title, lead, body }, gaz, { home, at })
 *   const rel = homeRelevance(mentions, gaz, home)
 * Import (`haidang gazetteer import FILE`): importPlacesFile(bytes) → records to store, or a mapping
 * to apply with linkSuccessors(storedRecords, mapping).
 */
export { findPlaces, type ArticleText, type FindPlacesOptions } from './find-places.js'
export {
  buildGazetteer,
  gazetteerFromStored,
  loadGazetteer,
  type Gazetteer,
  type GazetteerSources,
} from './gazetteer.js'
export { homeRelevance, type HomeRelevance } from './home-relevance.js'
export { importPlacesFile, type PlacesFileKind, type PlacesImport } from './import-places-file.js'
export { linkSuccessors, type LinkReport } from './link-successors.js'
export { parseAdminUnitsJson } from './parse-admin-units.js'
export { parseNewToOld, type NewToOldMapping } from './parse-new-to-old.js'
export { parseStatisticsCsv } from './parse-statistics-csv.js'
export { parseStatisticsXlsx } from './parse-statistics-xlsx.js'
export type { PlaceEra, PlaceLevel, PlaceMention, PlaceRecord } from './place-record.js'
export { loadShippedPlaces } from './shipped-places.js'
