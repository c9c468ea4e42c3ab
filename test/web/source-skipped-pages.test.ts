import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { upsertFeed } from '../../src/db/tables/feeds.js'
import { upsertSource } from '../../src/db/tables/sources.js'
import {
  NOT_AN_ARTICLE,
  NOT_AN_ARTICLE_REASON,
  recordSkippedPage,
} from '../../src/ingest/store/skipped-pages.js'
import { testDialects } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`a source page lists the pages its feeds passed over on ${dialect}`, () => {
    let a: TestApp
    let sourceId: number
    before(async () => {
      a = await createTestApp(dialect)
      const s = await upsertSource(a.t.db, {
        name: 'Cổng tin Mẫu',
        homepage: 'https://cong-tin-mau.example/',
        country: 'VN',
        lang: 'vi',
        kind: 'government',
      })
      sourceId = s.id
      const f = await upsertFeed(a.t.db, {
        sourceId: s.id,
        url: 'https://cong-tin-mau.example/sitemap.xml',
        kind: 'sitemap',
      })
      await recordSkippedPage(
        a.t.db,
        {
          sourceId: s.id,
          feedId: f.id,
          url: 'https://cong-tin-mau.example/tag/kinh-te',
          canonicalUrl: 'https://cong-tin-mau.example/tag/kinh-te',
          reasonCode: NOT_AN_ARTICLE,
          reason: NOT_AN_ARTICLE_REASON,
        },
        new Date(),
      )
    })
    after(() => a.close())

    test('with the reason in the reader’s language', async () => {
      const c = await a.as('viewer')
      const vi = await c.get(`/sources/${sourceId}`)
      assert.equal(vi.statusCode, 200)
      assert.match(vi.body, /Trang bỏ qua vì không phải bài viết: 1/)
      assert.match(vi.body, /tag\/kinh-te/)
      assert.match(vi.body, /không có nội dung bài viết/)
      await c.get('/lang/en')
      const en = await c.get(`/sources/${sourceId}`)
      assert.match(en.body, /Pages passed over as not articles: 1/)
    })
  })
}
