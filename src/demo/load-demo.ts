import { randomBytes } from 'node:crypto'
import { createAnalyzer } from '../analyze/analyzer.js'
import { runAnalysis } from '../analyze/run-analysis.js'
import { loadNewsClassifier } from '../analyze/topics/news-classifier.js'
import { isSetUp, runSetup } from '../accounts/setup.js'
import type { Config } from '../config/options.js'
import type { Db } from '../db/database.js'
import { getSetting, putSetting } from '../db/tables/settings.js'
import { createIngestContext } from '../ingest/ingest-context.js'
import { runIngest } from '../ingest/run-ingest.js'
import { addSource } from '../ingest/sources/add-source.js'
import { indexArticle } from '../search/index-article.js'
import type { Logger } from '../shared/logger.js'
import { type FixtureSite, startFixtureSite } from './fixture-site/index.js'

export interface DemoDeps {
  config: Readonly<Config>
  store: Db
  log: Logger
}

/** The demo office: a provincial press office in Đắk Lắk, the home of the demo corpus. */
const DEMO_OFFICE = {
  officeName: 'Sở Ngoại vụ tỉnh Đắk Lắk (dữ liệu mẫu)',
  provinceName: 'Đắk Lắk',
  communeName: 'Phường Buôn Ma Thuột',
}
const DEMO_ADMIN = 'admin@demo.haidang.vn'

/** The demo site's origin, as the SSRF guard's explicit allowance (the only loopback address let through). */
export const demoOrigin = (config: Pick<Config, 'demoPort'>) => `127.0.0.1:${config.demoPort}`

/**
 * Loads the demo: sets up a demo office if the database is empty (its admin's random password is
 * printed once), starts the demo press site on loopback, registers its five outlets as sources and
 * ingests and analyzes them through the real fetch path. Publication dates are relative to the first
 * load, so the dashboard shows the last 60 days. Loading again re-uses what is there.
 * Returns the running site; the caller closes it at shutdown.
 */
export async function loadDemo(deps: DemoDeps): Promise<FixtureSite> {
  const { log } = deps
  const db = deps.store.db
  if (!(await isSetUp(db))) {
    const password = randomBytes(12).toString('base64url')
    await runSetup(
      db,
      {
        ...DEMO_OFFICE,
        email: DEMO_ADMIN,
        name: 'Quản trị mẫu',
        password,
        passwordConfirm: password,
        locale: 'vi',
      },
      null,
    )
    process.stdout.write(`Tài khoản mẫu / demo admin: ${DEMO_ADMIN} / ${password}\n`)
  }
  const loadedAt = (await getSetting<string>(db, 'demo.loaded_at')) ?? new Date().toISOString()
  const site = await startFixtureSite({ now: new Date(loadedAt), port: deps.config.demoPort })
  for (const o of site.outlets) {
    await addSource(
      db,
      {
        name: o.name,
        homepage: o.homepage,
        country: o.country,
        lang: o.lang,
        kind: o.kind,
        collection: o.kind === 'foreign' ? 'Báo chí nước ngoài' : 'Báo chí trong nước',
        feeds: o.feeds,
      },
      { userId: null, actor: 'demo' },
    )
  }
  // The demo site is the one loopback origin the fetcher may reach, and it can be fetched quickly.
  const ingest = createIngestContext(
    { ...deps.config, fetchAllowPrivate: demoOrigin(deps.config), fetchMinDelayMs: 0, fetchPerHost: 4 },
    db,
    log,
  )
  try {
    const summary = await runIngest(ingest, { force: true })
    const an = await createAnalyzer({ db, news: loadNewsClassifier })
    const analysis = await runAnalysis(an, db, log, { after: (id) => indexArticle(deps.store, id).then(() => {}) })
    await putSetting(db, 'demo.loaded_at', loadedAt)
    log.info({ ...summary, analyzed: analysis.analyzed, demo_site: site.baseUrl }, 'demo data loaded')
  } finally {
    await ingest.fetcher.close()
  }
  return site
}
