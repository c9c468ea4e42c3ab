import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { analyzeArticle } from '../../src/analyze/analyze-article.js'
import { type Analyzer, createAnalyzer } from '../../src/analyze/analyzer.js'
import { resolveHome } from '../../src/analyze/resolve-home.js'
import { runAnalysis } from '../../src/analyze/run-analysis.js'
import { insertLocality } from '../../src/db/tables/localities.js'
import { silentLogger } from '../../src/shared/logger.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'

for (const dialect of testDialects()) {
  describe(`analysis on ${dialect}`, () => {
    let t: TestDb
    let an: Analyzer
    before(async () => {
      t = await createTestDb(dialect)
      const vn = await insertLocality(t.db, { level: 'country', name: 'Việt Nam' })
      await insertLocality(t.db, { level: 'province', name: 'Đắk Lắk', parentId: vn.id, isHome: true })
      an = await createAnalyzer({ db: t.db })
    })
    after(() => t.dispose())

    test('the home locality resolves to the 2025 province', async () => {
      const home = await resolveHome(t.db, an.gazetteer)
      assert.match(home.placeId ?? '', /^vn:2025:province:/)
      assert.deepEqual(home.names, ['Đắk Lắk'])
    })

    test('an article gets places, office topics, tone with drivers, home relevance and a story', async () => {
      const id = await seedArticle(t.db, {
        title: 'Đắk Lắk thu hút vốn đầu tư vào chế biến cà phê',
        lead: 'Tỉnh Đắk Lắk vừa trao chứng nhận đầu tư cho dự án nhà máy chế biến cà phê.',
        body: 'Dự án có tổng vốn đầu tư 50 triệu USD, dự kiến tạo việc làm cho 500 lao động. Lãnh đạo tỉnh Đắk Lắk đánh giá cao sự hợp tác của nhà đầu tư. Xuất khẩu cà phê của Việt Nam tăng trưởng ấn tượng.',
      })
      const home = await resolveHome(t.db, an.gazetteer)
      const out = await analyzeArticle(an, t.db, id, home)
      assert.ok(out)
      assert.equal(out.lang, 'vi')
      const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      assert.ok((row.tone ?? 0) > 2, `tone ${row.tone}`)
      assert.ok((row.home_score ?? 0) > 0.5)
      assert.ok(row.story_id)
      const tone = JSON.parse(row.tone_json ?? '{}') as { drivers: { text: string }[]; sentences: unknown[] }
      assert.ok(tone.drivers.length > 0)
      assert.ok(tone.sentences.length >= 2, 'sentences naming Đắk Lắk or Việt Nam are scored')
      const topics = await t.db
        .selectFrom('article_topics')
        .select(['topic', 'why_json'])
        .where('article_id', '=', id)
        .execute()
      assert.ok(topics.some((x) => x.topic === 'promo.investment'))
      const places = await t.db
        .selectFrom('article_places')
        .select(['place_id', 'in_title'])
        .where('article_id', '=', id)
        .execute()
      assert.ok(places.some((p) => p.place_id === home.placeId && p.in_title > 0))
    })

    test('a reprint joins its representative story; the same event clusters; analysis is repeatable', async () => {
      const body =
        'Lũ quét xảy ra đêm qua tại xã Ea Kao, tỉnh Đắk Lắk làm ba người mất tích, nhiều nhà dân bị cuốn trôi. Lực lượng cứu hộ đang tìm kiếm.'
      const a = await seedArticle(t.db, { title: 'Lũ quét ở Đắk Lắk, ba người mất tích', body })
      const b = await seedArticle(t.db, {
        title: 'Đắk Lắk: lũ quét làm 3 người mất tích',
        body,
        source: 'Báo Khác',
        dupOf: a,
      })
      const c = await seedArticle(t.db, {
        title: 'Tìm kiếm người mất tích sau lũ quét ở Ea Kao, Đắk Lắk',
        body: 'Lực lượng cứu hộ tiếp tục tìm kiếm ba người mất tích do lũ quét tại xã Ea Kao, Đắk Lắk.',
      })
      await runAnalysis(an, t.db, silentLogger())
      await runAnalysis(an, t.db, silentLogger(), { all: true })
      const rows = await t.db
        .selectFrom('articles')
        .select(['id', 'story_id'])
        .where('id', 'in', [a, b, c])
        .orderBy('id')
        .execute()
      assert.equal(rows[0]!.story_id, rows[1]!.story_id)
      assert.equal(rows[0]!.story_id, rows[2]!.story_id)
      const story = await t.db
        .selectFrom('stories')
        .selectAll()
        .where('id', '=', rows[0]!.story_id!)
        .executeTakeFirstOrThrow()
      assert.equal(story.article_count, 3)
    })

    test('bad text never throws: empty, numbers only, mixed scripts, 5 MB', async () => {
      for (const body of [
        '',
        '1234 5678 9012',
        'Привет 你好 مرحبا xin chào',
        'Đắk Lắk phát triển. '.repeat(260_000),
      ]) {
        const id = await seedArticle(t.db, { title: body.slice(0, 40) || '—', body })
        const out = await analyzeArticle(an, t.db, id, { placeId: null, names: [] })
        assert.ok(out)
      }
      const empty = await t.db
        .selectFrom('articles')
        .select(['analysis_error', 'lang'])
        .where('title', '=', '—')
        .executeTakeFirstOrThrow()
      assert.match(empty.analysis_error ?? '', /language/)
    })
  })
}
