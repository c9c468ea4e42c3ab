/** The demo fixture site: the demo press corpus served as five fictional outlets on loopback. */
export type { CorpusArticle, OutletDef } from './corpus-schema.js'
export { listOutlets, loadCorpus } from './load-corpus.js'
export {
  type FixtureOutlet,
  type FixtureSite,
  type FixtureSiteOptions,
  startFixtureSite,
} from './start-fixture-site.js'
