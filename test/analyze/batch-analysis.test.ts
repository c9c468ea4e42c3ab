import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { analyzeArticle } from '../../src/analyze/analyze-article.js'
import { type Analyzer, createAnalyzer } from '../../src/analyze/analyzer.js'
import { resolveHome } from '../../src/analyze/resolve-home.js'
import { runAnalysis } from '../../src/analyze/run-analysis.js'
import { StoryWindow } from '../../src/analyze/stories/story-window.js'
import { loadNewsClassifier } from '../../src/analyze/topics/news-classifier.js'
import type { Database } from '../../src/db/schema.js'
import { silentLogger } from '../../src/shared/logger.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { analysisSnapshot, seedDemoCorpus } from './demo-corpus.js'
import type { Kysely } from 'kysely'

/** Analyzes every stored article one at a time, in id order, each with the window `pick` gives. */
async function oneByOne(an: Analyzer, db: Kysely<Database>, pick: (i: number) => StoryWindow) {
  const home = await resolveHome(db, an.gazetteer)
  const ids = await db.selectFrom('articles').select('id').orderBy('id').execute()
  for (const [i, { id }] of ids.entries()) await analyzeArticle(an, db, id, home, pick(i))
}

for (const dialect of testDialects()) {
  describe(`batch analysis equals one article at a time, demo corpus on ${dialect}`, () => {
    const dbs: TestDb[] = []
    let an: Analyzer
    const fresh = async () => {
      const t = await createTestDb(dialect)
      dbs.push(t)
      await seedDemoCorpus(t.db)
      return t.db
    }
    before(async () => {
      an = await createAnalyzer({ news: loadNewsClassifier })
    })
    after(async () => {
      for (const t of dbs) await t.dispose()
    })

    test('runAnalysis (batches, open stories in memory) = analyzeArticle per article, first run and re-run', async () => {
      const batch = await fresh()
      await runAnalysis(an, batch, silentLogger())
      const batchFirst = await analysisSnapshot(batch)
      await runAnalysis(an, batch, silentLogger(), { all: true })
      const batchAgain = await analysisSnapshot(batch)

      const single = await fresh()
      await oneByOne(an, single, () => new StoryWindow({ single: true }))
      assert.deepEqual(await analysisSnapshot(single), batchFirst)
      await oneByOne(an, single, () => new StoryWindow({ single: true }))
      assert.deepEqual(await analysisSnapshot(single), batchAgain)

      // the corpus really exercises stories: reprints, events covered by several outlets, links
      assert.equal(batchFirst.articles.length, 139)
      assert.ok(batchFirst.stories.length < 120 && batchFirst.stories.some((s) => s.article_count >= 3))
      assert.ok(batchFirst.links.length > 0, 'cross-language links')
      assert.ok(batchAgain.links.length >= batchFirst.links.length)
    })

    test('two long-lived windows taking turns (two workers) notice each other and give the same stories', async () => {
      const batch = await fresh()
      await runAnalysis(an, batch, silentLogger())
      const expected = await analysisSnapshot(batch)
      const shared = await fresh()
      const windows = [new StoryWindow(), new StoryWindow()]
      await oneByOne(an, shared, (i) => windows[i % 7 < 3 ? 0 : 1]!)
      assert.deepEqual(await analysisSnapshot(shared), expected)
    })
  })
}
