import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'
import * as m0001 from './0001-foundation.js'
import * as m0100 from './0100-ingest.js'
import * as m0110 from './0110-source-collections.js'
import * as m0120 from './0120-ingest-skipped-pages.js'
import * as m0200 from './0200-analysis.js'
import * as m0210 from './0210-story-generation.js'
import * as m0300 from './0300-search.js'
import * as m0310 from './0310-search-deferred-indexes.js'
import * as m0311 from './0311-search-day-totals.js'
import * as m0312 from './0312-search-day-totals-in-code.js'
import * as m0313 from './0313-search-ranges-in-words-index.js'
import * as m0314 from './0314-search-word-pairs.js'
import * as m0315 from './0315-search-instant-index.js'
import * as m0316 from './0316-search-deferred-indexes-pg.js'
import * as m0400 from './0400-monitor.js'
import * as m0410 from './0410-triage.js'
import * as m0420 from './0420-notification-settings.js'
import * as m0430 from './0430-dashboard-indexes.js'
import * as m0440 from './0440-watchlist-matches.js'

export interface MigrationStep {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>
}

/**
 * Ordered migrations. Names sort in run order; a migration never changes once released: add a new one.
 * A database that already ran later-numbered steps still gets a new lower-numbered one (unordered allowed).
 * Numbering leaves room per domain: 00xx foundation, 01xx ingest, 02xx analysis, 03xx search,
 * 04xx monitoring, 05xx respond/publish, 06xx plan/report.
 */
export const MIGRATIONS: Record<string, MigrationStep> = {
  '0001-foundation': m0001,
  '0100-ingest': m0100,
  '0110-source-collections': m0110,
  '0120-ingest-skipped-pages': m0120,
  '0200-analysis': m0200,
  '0210-story-generation': m0210,
  '0300-search': m0300,
  '0310-search-deferred-indexes': m0310,
  '0311-search-day-totals': m0311,
  '0312-search-day-totals-in-code': m0312,
  '0313-search-ranges-in-words-index': m0313,
  '0314-search-word-pairs': m0314,
  '0315-search-instant-index': m0315,
  '0316-search-deferred-indexes-pg': m0316,
  '0400-monitor': m0400,
  '0410-triage': m0410,
  '0420-notification-settings': m0420,
  '0430-dashboard-indexes': m0430,
  '0440-watchlist-matches': m0440,
}
