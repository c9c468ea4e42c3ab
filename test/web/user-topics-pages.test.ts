import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { RETRAIN_TASK, userTopicTasks } from '../../src/analyze/user-topics/index.js'
import { createQueue } from '../../src/jobs/create-queue.js'
import type { JobQueue } from '../../src/jobs/job-queue.js'
import { indexArticle } from '../../src/search/index-article.js'
import { silentLogger } from '../../src/shared/logger.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { type Client, createTestApp, type TestApp } from '../support/web.js'
import { COFFEE, FOOTBALL, syntheticArticle } from '../user-topics/synthetic-articles.js'

for (const dialect of testDialects()) {
  describe(`trained topic pages on ${dialect}`, () => {
    let a: TestApp
    let queue: JobQueue
    let retrains = 0
    const graphileSchema = `gw_${randomBytes(4).toString('hex')}`
    const coffee: number[] = []
    const football: number[] = []
    let topicId = 0

    /** A form post as htmx sends it (HX-Request), with the client's cookies and CSRF token. */
    const hx = (c: Client, url: string, form: Record<string, string>) =>
      a.app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams({ ...form, _csrf: c.csrf }).toString(),
        headers: {
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          'hx-request': 'true',
        },
      })
    const audit = async (action: string) =>
      (await a.t.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length

    before(async () => {
      a = await createTestApp(dialect)
      for (let i = 0; i < 6; i++) {
        const c = syntheticArticle(i + 1, COFFEE, 4)
        coffee.push(await seedArticle(a.t.db, { ...c, title: `${c.title} (${i})` }))
        const f = syntheticArticle(i + 101, FOOTBALL, 4)
        football.push(await seedArticle(a.t.db, { ...f, title: `${f.title} (${i})` }))
      }
      for (const id of [...coffee, ...football]) await indexArticle(a.t, id)
      queue = createQueue(a.t, silentLogger(), { graphileSchema })
      const tasks = userTopicTasks(a.t.db, silentLogger())
      const retrain = tasks[RETRAIN_TASK]!
      await queue.start(
        {
          ...tasks,
          [RETRAIN_TASK]: async (payload, jobCtx) => {
            retrains++
            await retrain(payload, jobCtx)
          },
        },
        { concurrency: 1 },
      )
      a.ctx.queue = queue
    })
    after(async () => {
      await queue.stop()
      if (a.t.pool) await a.t.pool.query(`drop schema if exists "${graphileSchema}" cascade`)
      await a.close()
    })

    test('creating a topic checks every field, keeps the input, needs CSRF, and is audited', async () => {
      const c = await a.as('analyst')
      const list = await c.get('/topics')
      assert.equal(list.statusCode, 200)
      assert.match(list.body, /Tạo chủ đề/)
      const bad = await c.post('/topics', { name: '', description: 'Giá và xuất khẩu', seed: 'cà phê (' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Vui lòng nhập trường này/)
      assert.match(bad.body, /Truy vấn chưa đúng cú pháp \(tại ký tự thứ \d+\)/)
      assert.match(bad.body, /value="Giá và xuất khẩu"/)
      assert.match(bad.body, /value="cà phê \("/)
      assert.equal((await c.post('/topics', { name: 'Cà phê' }, { csrf: null })).statusCode, 403)
      const ok = await c.post('/topics', {
        name: 'Cà phê Tây Nguyên',
        description: 'Giá, xuất khẩu',
        seed: '"cà phê"',
      })
      assert.equal(ok.statusCode, 302)
      const m = /^\/topics\/(\d+)\?ok=topics\.created$/.exec(String(ok.headers.location))
      assert.ok(m, String(ok.headers.location))
      topicId = Number(m[1])
      await c.get('/topics')
      const taken = await c.post('/topics', { name: 'cà phê tây nguyên' })
      assert.equal(taken.statusCode, 409)
      assert.match(taken.body, /Tên này đã được dùng/)
      assert.equal(await audit('user_topic.create'), 1)
      assert.equal(await audit('user_topic.seed'), 1)
    })

    test('labelling from the suggestions updates the counts in place and queues one retraining', async () => {
      const c = await a.as('analyst')
      const page = await c.get(`/topics/${topicId}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /0 nhãn thuộc · 0 nhãn không thuộc/)
      assert.match(page.body, /khớp truy vấn gợi ý/)
      assert.match(page.body, /data-key="y"/)
      assert.match(page.body, /Cần thêm nhãn: mỗi loại ít nhất 10/)
      const first = /<li data-article="(\d+)">/.exec(page.body)
      assert.ok(first && coffee.includes(Number(first[1])), 'a seed match comes first')
      const r1 = await hx(c, `/topics/${topicId}/labels`, { articleId: String(coffee[0]), label: 'in' })
      assert.equal(r1.statusCode, 200)
      assert.match(r1.body, /^<div id="labelling">/)
      assert.match(r1.body, /1 nhãn thuộc · 0 nhãn không thuộc · 1 bài trong chủ đề/)
      assert.match(r1.body, /Đã lưu nhãn/)
      const r2 = await hx(c, `/topics/${topicId}/labels`, { articleId: String(football[0]), label: 'out' })
      assert.match(r2.body, /1 nhãn thuộc · 1 nhãn không thuộc/)
      // relabelling replaces the label
      await hx(c, `/topics/${topicId}/labels`, { articleId: String(coffee[1]), label: 'out' })
      const r3 = await hx(c, `/topics/${topicId}/labels`, { articleId: String(coffee[1]), label: 'in' })
      assert.match(r3.body, /2 nhãn thuộc · 1 nhãn không thuộc/)
      assert.doesNotMatch(
        r3.body,
        new RegExp(`<li data-article="${coffee[1]}">`),
        'labelled articles are not suggested',
      )
      // without htmx the same form redirects back to the page
      const plain = await c.post(`/topics/${topicId}/labels`, {
        articleId: String(football[1]),
        label: 'out',
      })
      assert.equal(plain.statusCode, 302)
      assert.equal(plain.headers.location, `/topics/${topicId}?ok=topics.labelled`)
      assert.equal(await audit('user_topic.label'), 5)
      // the burst became one job, which runs after its short delay and trains the topic
      await sleep(5_500)
      await queue.drain({ timeoutMs: 20_000 })
      assert.equal(retrains, 1)
      const after = await c.get(`/topics/${topicId}`)
      assert.doesNotMatch(after.body, /Chưa huấn luyện/)
      // the two labelled-in articles, and whatever the new model scores in
      const members = after.body.match(/\((theo nhãn|theo mô hình)\)<\/small>/g)?.length ?? 0
      assert.ok(members >= 2, `members ${members}`)
      assert.equal(after.body.match(/\(theo nhãn\)<\/small>/g)?.length, 2)
      assert.match(after.body, new RegExp(`${members} bài trong chủ đề`))
    })

    test('undo removes a label; bad labels, unknown ids and a viewer are refused', async () => {
      const c = await a.as('analyst')
      await c.get(`/topics/${topicId}`)
      const undo = await hx(c, `/topics/${topicId}/unlabel`, { articleId: String(football[1]) })
      assert.equal(undo.statusCode, 200)
      assert.match(undo.body, /2 nhãn thuộc · 1 nhãn không thuộc/)
      assert.match(undo.body, /Đã bỏ nhãn/)
      assert.equal(await audit('user_topic.unlabel'), 1)
      const maybe = await c.post(`/topics/${topicId}/labels`, {
        articleId: String(coffee[2]),
        label: 'maybe',
      })
      assert.equal(maybe.statusCode, 400)
      assert.equal(
        (await c.post(`/topics/${topicId}/labels`, { articleId: 'abc', label: 'in' })).statusCode,
        400,
      )
      assert.equal(
        (await c.post(`/topics/${topicId}/labels`, { articleId: '999999', label: 'in' })).statusCode,
        404,
      )
      assert.equal(
        (await c.post('/topics/999999/labels', { articleId: String(coffee[2]), label: 'in' })).statusCode,
        404,
      )
      const missing = await c.get('/topics/999999')
      assert.equal(missing.statusCode, 404)
      assert.match(missing.body, /Không có chủ đề số 999999/)
      assert.equal((await c.get('/topics/abc')).statusCode, 404)
      assert.equal(
        (
          await c.post(
            `/topics/${topicId}/labels`,
            { articleId: String(coffee[2]), label: 'in' },
            { csrf: null },
          )
        ).statusCode,
        403,
      )
      const v = await a.as('viewer')
      const seen = await v.get(`/topics/${topicId}`)
      assert.equal(seen.statusCode, 200)
      assert.doesNotMatch(seen.body, /Gán nhãn tiếp|Hoàn tác/)
      assert.doesNotMatch((await v.get('/topics')).body, /Tạo chủ đề/)
      assert.equal(
        (await v.post(`/topics/${topicId}/labels`, { articleId: String(coffee[2]), label: 'in' })).statusCode,
        403,
      )
      assert.equal((await v.post('/topics', { name: 'Của người xem' })).statusCode, 403)
    })

    test('the article page labels an article for a chosen topic', async () => {
      const c = await a.as('analyst')
      const page = await c.get(`/articles/${coffee[3]}`)
      assert.match(page.body, /Gán nhãn chủ đề tự huấn luyện/)
      assert.match(page.body, /<option value="\d+">Cà phê Tây Nguyên<\/option>/)
      const res = await c.post(`/articles/${coffee[3]}/topic-label`, {
        topicId: String(topicId),
        label: 'in',
      })
      assert.equal(res.statusCode, 302)
      assert.match((await c.get(`/articles/${coffee[3]}`)).body, /Nhãn hiện có: Cà phê Tây Nguyên \(thuộc\)/)
      const none = await c.post(`/articles/${coffee[3]}/topic-label`, { label: 'in' })
      assert.equal(none.statusCode, 400)
      assert.match(none.body, /Chủ đề: Vui lòng nhập trường này/)
      await c.get(`/articles/${coffee[3]}`)
      assert.equal(
        (await c.post(`/articles/${coffee[3]}/topic-label`, { topicId: '999999', label: 'in' })).statusCode,
        404,
      )
      const v = await a.as('viewer')
      assert.doesNotMatch((await v.get(`/articles/${coffee[3]}`)).body, /Gán nhãn chủ đề/)
    })

    test('the topic and source pages speak English when asked', async () => {
      const c = await a.as('analyst')
      await c.get('/lang/en?next=/topics')
      const list = await c.get('/topics')
      assert.match(list.body, /<h1>Trained topics<\/h1>/)
      assert.match(list.body, /Seed query \(optional\)/)
      const page = await c.get(`/topics/${topicId}`)
      assert.match(page.body, /Label next/)
      assert.match(page.body, /\d+ labelled in · \d+ labelled out/)
      assert.match((await c.get('/sources')).body, /Select every source on this page/)
      await c.get('/lang/vi?next=/topics')
    })

    test('deleting a topic removes it and its seed, audited', async () => {
      const c = await a.as('admin')
      await c.get('/topics')
      assert.equal((await c.post(`/topics/${topicId}/delete`, {})).statusCode, 302)
      assert.match((await c.get('/topics')).body, /Chưa có chủ đề nào/)
      assert.equal(await audit('user_topic.delete'), 1)
      const seed = await a.t.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'user_topic.seed.%')
        .execute()
      assert.deepEqual(seed, [])
      assert.equal((await c.post(`/topics/${topicId}/delete`, {})).statusCode, 404)
    })
  })
}
