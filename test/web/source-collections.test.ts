import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { recordFeedFailure, upsertFeed } from '../../src/db/tables/feeds.js'
import { upsertSource } from '../../src/db/tables/sources.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { createTestApp, type TestApp } from '../support/web.js'

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString()

for (const dialect of testDialects()) {
  describe(`source collections and source pages on ${dialect}`, () => {
    let a: TestApp
    const ids: Record<string, number> = {}
    const collection = async (name: string) =>
      (
        await a.t.db
          .selectFrom('source_collections')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id
    before(async () => {
      a = await createTestApp(dialect)
      const add = async (
        key: string,
        name: string,
        homepage: string,
        kind: 'domestic' | 'foreign' | 'government',
        country = 'VN',
      ) => {
        ids[key] = (await upsertSource(a.t.db, { name, homepage, kind, country, lang: 'vi' })).id
      }
      await add('daklak', 'Báo Đắk Lắk', 'https://baodaklak.vn/', 'domestic')
      await add('bbc', 'BBC News Tiếng Việt', 'https://www.bbc.com/vietnamese', 'foreign', 'GB')
      await add('cong', 'Cổng TTĐT tỉnh Đắk Lắk', 'https://daklak.gov.vn/', 'government')
      // the articles' source is Tuổi Trẻ (seedArticle creates it)
      for (const [i, ago] of [1, 1, 5, 40].entries()) {
        const articleId = await seedArticle(a.t.db, {
          title: `Tin thời sự số ${i}`,
          body: 'Nội dung.',
          source: 'Tuổi Trẻ',
          publishedAt: day(ago),
        })
        ids.tuoitre = (
          await a.t.db
            .selectFrom('articles')
            .select('source_id')
            .where('id', '=', articleId)
            .executeTakeFirstOrThrow()
        ).source_id
      }
      const feed = await upsertFeed(a.t.db, {
        sourceId: ids.tuoitre!,
        url: 'https://tuoitre.vn/rss/tin-moi-nhat.rss',
        kind: 'feed',
      })
      await recordFeedFailure(a.t.db, feed.id, {
        message: 'HTTP 503 from tuoitre.vn',
        code: 'FETCH_FAILED',
        grade: 'temporary',
        weight: 0.25,
        nextCheckAt: day(-1),
      })
    })
    after(() => a.close())

    test('the three default collections exist and sources fall into them by kind and province', async () => {
      const v = await a.as('viewer')
      const all = await v.get('/sources')
      assert.equal(all.statusCode, 200)
      const central = await v.get(`/sources?collection=${await collection('Báo chí trung ương')}`)
      assert.match(central.body, /Tuổi Trẻ/)
      assert.doesNotMatch(central.body, /Báo Đắk Lắk|BBC/)
      const local = await v.get(`/sources?collection=${await collection('Báo địa phương')}`)
      assert.match(local.body, /Báo Đắk Lắk/)
      assert.match(local.body, /Cổng TTĐT tỉnh Đắk Lắk/)
      assert.doesNotMatch(local.body, /Tuổi Trẻ/)
      const foreign = await v.get(`/sources?collection=${await collection('Báo chí nước ngoài')}`)
      assert.match(foreign.body, /BBC News Tiếng Việt/)
      // health columns: the failing feed's error and backoff, items per day over 7 days (3 / 7)
      assert.match(all.body, /HTTP 503 from tuoitre\.vn/)
      assert.match(all.body, /Đang giãn lịch \(mức lỗi 0,25\)/)
      assert.match(all.body, />0,6</)
      // a viewer sees no bulk form and cannot manage collections
      assert.doesNotMatch(all.body, /assign-form/)
      assert.equal((await v.get('/sources/collections')).statusCode, 403)
    })

    test('collections are created, renamed and deleted with field messages, CSRF and audit', async () => {
      const c = await a.as('analyst')
      await c.get('/sources/collections')
      const empty = await c.post('/sources/collections', { name: '  ', description: 'x' })
      assert.equal(empty.statusCode, 400)
      assert.match(empty.body, /Vui lòng nhập trường này/)
      assert.match(empty.body, /value="x"/)
      const taken = await c.post('/sources/collections', { name: 'báo chí NƯỚC NGOÀI' })
      assert.equal(taken.statusCode, 409)
      assert.match(taken.body, /Tên này đã được dùng/)
      assert.equal(
        (await c.post('/sources/collections', { name: 'Báo ngành' }, { csrf: null })).statusCode,
        403,
      )
      const ok = await c.post('/sources/collections', {
        name: 'Báo ngành',
        description: 'Báo của các bộ, ngành',
      })
      assert.equal(ok.statusCode, 302)
      const id = await collection('Báo ngành')
      const bad = await c.post(`/sources/collections/${id}`, { name: 'Báo địa phương' })
      assert.equal(bad.statusCode, 409)
      assert.match(bad.body, /Tên này đã được dùng/)
      assert.match(bad.body, /value="Báo địa phương"/)
      assert.equal((await c.post(`/sources/collections/${id}`, { name: 'Báo bộ, ngành' })).statusCode, 302)
      assert.equal((await c.post('/sources/collections/999999', { name: 'X' })).statusCode, 404)
      assert.equal((await c.post(`/sources/collections/${id}/delete`, {})).statusCode, 302)
      assert.equal((await c.post(`/sources/collections/${id}/delete`, {})).statusCode, 404)
      const actions = (
        await a.t.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity', '=', 'source_collection')
          .orderBy('id')
          .execute()
      ).map((r) => r.action)
      assert.deepEqual(actions, [
        'source_collection.create',
        'source_collection.update',
        'source_collection.delete',
      ])
      const v = await a.as('viewer')
      await v.get('/sources')
      assert.equal((await v.post('/sources/collections', { name: 'Của người xem' })).statusCode, 403)
    })

    test('sources are put in and taken out of a collection in bulk; bad selections are refused', async () => {
      const c = await a.as('admin')
      const list = await c.get('/sources')
      assert.match(list.body, /id="assign-form"/)
      const foreign = await collection('Báo chí nước ngoài')
      const res = await c.post('/sources/assign', {
        collectionId: String(foreign),
        mode: 'add',
        sourceIds: String(ids.tuoitre),
        back: '/sources?page=1',
      })
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, '/sources?page=1&ok=collections.assigned')
      assert.match((await c.get(`/sources?collection=${foreign}`)).body, /Tuổi Trẻ/)
      await c.post('/sources/assign', {
        collectionId: String(foreign),
        mode: 'remove',
        sourceIds: String(ids.tuoitre),
      })
      assert.doesNotMatch((await c.get(`/sources?collection=${foreign}`)).body, /Tuổi Trẻ/)
      await c.get('/sources')
      const none = await c.post('/sources/assign', { collectionId: String(foreign), mode: 'add' })
      assert.equal(none.statusCode, 400)
      assert.match(none.body, /Hãy chọn ít nhất một nguồn/)
      await c.get('/sources')
      const unknown = await c.post('/sources/assign', {
        collectionId: '999999',
        mode: 'add',
        sourceIds: String(ids.bbc),
      })
      assert.equal(unknown.statusCode, 404)
      await c.get('/sources')
      const badSource = await c.post('/sources/assign', {
        collectionId: String(foreign),
        mode: 'add',
        sourceIds: '999999',
      })
      assert.equal(badSource.statusCode, 400)
      const audit = await a.t.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'source_collection.%_sources')
        .execute()
      assert.equal(audit.length, 2)
    })

    test("a source's collections are set from its page; unknown ones are refused", async () => {
      const c = await a.as('analyst')
      const page = await c.get(`/sources/${ids.bbc}`)
      assert.match(page.body, /Nguồn này thuộc các nhóm/)
      const [local, foreign] = [await collection('Báo địa phương'), await collection('Báo chí nước ngoài')]
      assert.match(page.body, new RegExp(`value="${foreign}" checked`))
      const form = new URLSearchParams([
        ['collectionIds', String(local)],
        ['collectionIds', String(foreign)],
        ['_csrf', c.csrf],
      ])
      const res = await a.app.inject({
        method: 'POST',
        url: `/sources/${ids.bbc}/collections`,
        payload: form.toString(),
        headers: {
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
        },
      })
      assert.equal(res.statusCode, 302)
      assert.match((await c.get(`/sources?collection=${local}`)).body, /BBC News Tiếng Việt/)
      assert.equal((await c.post(`/sources/${ids.bbc}/collections`, {})).statusCode, 302)
      assert.doesNotMatch((await c.get(`/sources?collection=${foreign}`)).body, /BBC News Tiếng Việt/)
      await c.get(`/sources/${ids.bbc}`)
      const bad = await c.post(`/sources/${ids.bbc}/collections`, { collectionIds: '999999' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Giá trị không hợp lệ/)
      await c.get('/sources')
      assert.equal((await c.post('/sources/999999/collections', {})).statusCode, 404)
      const audit = await a.t.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('action', '=', 'source.collections')
        .orderBy('id')
        .execute()
      assert.equal(audit.length, 2)
      assert.deepEqual(JSON.parse(audit[0]!.after_json ?? '{}').collections.sort(), [
        'Báo chí nước ngoài',
        'Báo địa phương',
      ])
      const v = await a.as('viewer')
      assert.doesNotMatch((await v.get(`/sources/${ids.bbc}`)).body, /Nguồn này thuộc các nhóm/)
      assert.equal((await v.post(`/sources/${ids.bbc}/collections`, {})).statusCode, 403)
    })

    test('a source page shows details, feed errors, the volume chart, latest articles and the explorer link', async () => {
      const v = await a.as('viewer')
      const page = await v.get(`/sources/${ids.tuoitre}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1>Tuổi Trẻ<\/h1>/)
      assert.match(page.body, /Báo chí trung ương/)
      assert.match(page.body, /HTTP 503 from tuoitre\.vn/)
      assert.match(page.body, /<svg[^>]*>/)
      assert.doesNotMatch(page.body, /<script(?! src="\/assets)/)
      assert.match(page.body, /Tổng cộng 3 bài trong 30 ngày/)
      assert.match(page.body, /Tin thời sự số 0/)
      assert.match(page.body, /href="\/explore\?q=source%3A%22Tu%E1%BB%95i%20Tr%E1%BA%BB%22"/)
      const ninety = await v.get(`/sources/${ids.tuoitre}?days=90`)
      assert.match(ninety.body, /Tổng cộng 4 bài trong 90 ngày/)
      assert.match((await v.get(`/sources/${ids.tuoitre}?days=7000`)).body, /trong 30 ngày/)
      const missing = await v.get('/sources/999999')
      assert.equal(missing.statusCode, 404)
      assert.match(missing.body, /Không có nguồn tin số 999999/)
      assert.equal((await v.get('/sources/abc')).statusCode, 404)
    })

    test('the list pages fifty sources at a time', async () => {
      for (let i = 0; i < 52; i++)
        await upsertSource(a.t.db, {
          name: `Nguồn ${String(i).padStart(2, '0')}`,
          homepage: `https://nguon-${i}.example/`,
          kind: 'domestic',
          country: 'VN',
          lang: 'vi',
        })
      const v = await a.as('viewer')
      const first = await v.get('/sources')
      assert.match(first.body, /Hiển thị 1–50 trên 56 nguồn/)
      assert.match(first.body, /rel="next" href="\/sources\?page=2"/)
      const second = await v.get('/sources?page=2')
      assert.match(second.body, /Hiển thị 51–56 trên 56 nguồn/)
      assert.doesNotMatch(second.body, /rel="next"/)
    })
  })
}
