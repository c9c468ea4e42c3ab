import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  createUserTopic,
  deleteUserTopic,
  labelArticle,
  listUserTopics,
  queueRetrain,
  RESCORE_TASK,
  RETRAIN_TASK,
  rescoreTopic,
  removeLabel,
  retrainTopic,
  suggestToLabel,
  topicStatus,
  userTopicKey,
  userTopicTasks,
} from '../../src/analyze/user-topics/index.js'
import { binaryModelFromJSON, uncertaintyOf } from '../../src/analyze/topics/linear/binary-model.js'
import { topicText } from '../../src/analyze/user-topics/topic-articles.js'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { saveAnalysis } from '../../src/db/tables/article-analysis.js'
import { InProcessQueue } from '../../src/jobs/in-process-queue.js'
import { silentLogger } from '../../src/shared/logger.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { COFFEE, FOOTBALL, syntheticArticle } from './synthetic-articles.js'

const ANALYST = { userId: null, actor: 'analyst@so.example' }

const seedMany = async (
  db: Kysely<Database>,
  n: number,
  seed: number,
  make: (s: number) => { title: string; body: string },
) => {
  const ids: number[] = []
  for (let i = 0; i < n; i++) ids.push(await seedArticle(db, make(seed + i)))
  return ids
}

const userRows = (db: Kysely<Database>, topicId: number) =>
  db
    .selectFrom('article_topics')
    .select(['article_id', 'score', 'source', 'why_json'])
    .where('topic', '=', userTopicKey(topicId))
    .execute()

for (const dialect of testDialects()) {
  describe(`user-trained topics on ${dialect}`, () => {
    let t: TestDb
    let coffee: number[]
    let football: number[]
    let mixed: number[]
    before(async () => {
      t = await createTestDb(dialect)
      coffee = await seedMany(t.db, 15, 1, (s) => syntheticArticle(s, COFFEE, 4))
      football = await seedMany(t.db, 15, 101, (s) => syntheticArticle(s, FOOTBALL, 4))
    })
    after(() => t.dispose())

    test('topics are created with validation, unique names regardless of case, and audited', async () => {
      const topic = await createUserTopic(t.db, { name: ' Cà phê ', description: 'Ngành cà phê' }, ANALYST)
      assert.equal(topic.name, 'Cà phê')
      await assert.rejects(createUserTopic(t.db, { name: 'CÀ PHÊ' }, ANALYST), { code: 'CONFLICT' })
      await assert.rejects(createUserTopic(t.db, { name: '  ' }, ANALYST), { code: 'VALIDATION_FAILED' })
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user_topic.create')
        .execute()
      assert.equal(audit.length, 1)
      assert.equal(audit[0]!.actor, ANALYST.actor)
      assert.equal(audit[0]!.entity_id, String(topic.id))
    })

    test('before any model, suggestions are the articles naming the topic, then the newest', async () => {
      const [topic] = await listUserTopics(t.db)
      const got = await suggestToLabel(t.db, topic!.id, 20)
      assert.equal(got.length, 20)
      const named = got.filter((s) => s.reason === 'name')
      assert.ok(named.length >= 12, `named ${named.length}`)
      assert.ok(named.every((s) => coffee.includes(s.articleId)))
      assert.deepEqual(got.slice(0, named.length), named, 'name matches come first')
      const rest = got.slice(named.length).map((s) => s.articleId)
      assert.deepEqual(
        rest,
        [...rest].sort((a, b) => b - a),
        'then the newest first',
      )
      assert.ok(got.every((s) => s.score === null))
    })

    test('labels upsert, update membership at once, are audited, and refer to real rows', async () => {
      const [topic] = await listUserTopics(t.db)
      const id = topic!.id
      assert.deepEqual(await labelArticle(t.db, id, football[0]!, true, ANALYST), {
        previous: null,
        changed: true,
      })
      assert.equal((await userRows(t.db, id)).length, 1)
      assert.deepEqual(await labelArticle(t.db, id, football[0]!, false, ANALYST), {
        previous: true,
        changed: true,
      })
      assert.equal((await userRows(t.db, id)).length, 0, 'labelled out: no longer a member')
      const labels = await t.db.selectFrom('topic_labels').selectAll().where('topic_id', '=', id).execute()
      assert.deepEqual(
        labels.map((l) => l.label),
        [0],
      )
      assert.equal(await removeLabel(t.db, id, football[0]!, ANALYST), true)
      assert.equal(await removeLabel(t.db, id, football[0]!, ANALYST), false)
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'before_json', 'after_json'])
        .where('entity', '=', 'user_topic')
        .where('action', 'in', ['user_topic.label', 'user_topic.unlabel'])
        .orderBy('id')
        .execute()
      assert.deepEqual(
        audit.map((a) => a.action),
        ['user_topic.label', 'user_topic.label', 'user_topic.unlabel'],
      )
      assert.equal(audit[1]!.before_json, JSON.stringify({ articleId: football[0], label: true }))
      await assert.rejects(labelArticle(t.db, id, 999_999, true, ANALYST), { code: 'NOT_FOUND' })
      await assert.rejects(labelArticle(t.db, 999_999, coffee[0]!, true, ANALYST), { code: 'NOT_FOUND' })
    })

    test('with few labels the status asks for more; a one-class topic trains no model', async () => {
      const [topic] = await listUserTopics(t.db)
      const id = topic!.id
      for (const a of coffee.slice(0, 3)) await labelArticle(t.db, id, a, true, ANALYST)
      const status = await topicStatus(t.db, id)
      assert.equal(status.positives, 3)
      assert.equal(status.stale, true)
      assert.deepEqual(status.metrics, {
        status: 'needs_more_labels',
        positives: 3,
        negatives: 0,
        minPerClass: 10,
      })
      const out = await retrainTopic(t.db, id)
      assert.equal(out.trained, false)
      assert.equal(out.members, 3, 'labelled-in articles are members without a model')
      assert.equal((await topicStatus(t.db, id)).stale, false)
    })

    test('15 coffee vs 15 football labels: cross-validated, new coffee coverage scores in, football out', async () => {
      const [topic] = await listUserTopics(t.db)
      const id = topic!.id
      for (const a of coffee) await labelArticle(t.db, id, a, true, ANALYST)
      for (const a of football) await labelArticle(t.db, id, a, false, ANALYST)
      const newCoffee = await seedArticle(t.db, syntheticArticle(500, COFFEE, 4))
      const newFootball = await seedArticle(t.db, syntheticArticle(600, FOOTBALL, 4))
      mixed = await seedMany(t.db, 4, 700, (s) => syntheticArticle(s, COFFEE, 2, FOOTBALL, 2))
      const out = await retrainTopic(t.db, id)
      assert.equal(out.trained, true)
      assert.equal(out.scored, 30 + 2 + 4)
      assert.equal(out.metrics.status, 'cross_validated')
      if (out.metrics.status === 'cross_validated')
        assert.ok(out.metrics.accuracy >= 0.9, JSON.stringify(out.metrics))
      const rows = await userRows(t.db, id)
      const byArticle = new Map(rows.map((r) => [r.article_id, r]))
      assert.ok(rows.every((r) => r.source === 'user' && r.score >= 0.5))
      assert.ok((byArticle.get(newCoffee)?.score ?? 0) > 0.5, 'new coffee article is in the topic')
      assert.equal(byArticle.get(newCoffee)?.why_json, JSON.stringify({ by: 'model' }))
      assert.equal(byArticle.has(newFootball), false, 'new football article is not')
      assert.ok(
        coffee.every((a) => byArticle.get(a)?.score === 1),
        'labelled in: score 1',
      )
      assert.ok(football.every((a) => !byArticle.has(a)))
      const status = await topicStatus(t.db, id)
      assert.equal(status.positives, 15)
      assert.equal(status.negatives, 15)
      assert.equal(status.members, rows.length)
      assert.equal(status.metrics?.status, 'cross_validated')
    })

    test('with a model, suggestions are the unlabelled articles it is least sure about', async () => {
      const [topic] = await listUserTopics(t.db)
      const id = topic!.id
      const got = await suggestToLabel(t.db, id, 4)
      assert.deepEqual(got.map((s) => s.articleId).sort(), [...mixed].sort())
      assert.ok(
        got.every((s) => s.reason === 'uncertain' && s.uncertainty! > 0.3),
        JSON.stringify(got),
      )
      const all = await suggestToLabel(t.db, id, 100)
      assert.equal(all.length, 6, 'labelled articles are never suggested')
      const u = all.map((s) => s.uncertainty!)
      assert.deepEqual(
        u,
        [...u].sort((a, b) => b - a),
      )
      const stored = await t.db
        .selectFrom('user_topics')
        .select('model_json')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const model = binaryModelFromJSON(JSON.parse(stored.model_json!))
      const row = await t.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', all[0]!.articleId)
        .executeTakeFirstOrThrow()
      assert.ok(Math.abs(uncertaintyOf(model.predict(topicText(row))) - u[0]!) < 1e-9)
    })

    test('the scheduled rescore puts new coverage in the topic without training', async () => {
      const [topic] = await listUserTopics(t.db)
      const trainedAt = (await topicStatus(t.db, topic!.id)).trainedAt
      const fresh = await seedArticle(t.db, syntheticArticle(800, COFFEE, 4))
      const ctx = { jobId: 'r', attempt: 1, log: silentLogger() }
      await userTopicTasks(t.db, silentLogger())[RESCORE_TASK]!({}, ctx)
      const row = (await userRows(t.db, topic!.id)).find((r) => r.article_id === fresh)
      assert.ok(row && row.score > 0.5)
      assert.equal((await topicStatus(t.db, topic!.id)).trainedAt, trainedAt)
      assert.equal(
        await rescoreTopic(t.db, (await createUserTopic(t.db, { name: 'Trống' }, ANALYST)).id),
        null,
      )
    })

    test('re-analysis keeps user-topic rows', async () => {
      const [topic] = await listUserTopics(t.db)
      const before = await userRows(t.db, topic!.id)
      await saveAnalysis(t.db, coffee[0]!, {
        lang: 'vi',
        langReason: 'test',
        tone: null,
        toneJson: null,
        homeScore: null,
        homeLevel: null,
        newsTopic: null,
        newsScore: null,
        storyId: null,
        problems: [],
        places: [],
        topics: [],
      })
      assert.deepEqual((await userRows(t.db, topic!.id)).length, before.length)
    })

    test('the retrain job collapses a burst into one pending job and runs it', async () => {
      const topic = await createUserTopic(t.db, { name: 'Bóng đá' }, ANALYST)
      for (const a of football) await labelArticle(t.db, topic.id, a, true, ANALYST)
      for (const a of coffee) await labelArticle(t.db, topic.id, a, false, ANALYST)
      const queue = new InProcessQueue(t.db, silentLogger())
      const past = Date.now() - 60_000
      await queueRetrain(queue, topic.id, past)
      await queueRetrain(queue, topic.id, past)
      const pending = await t.db
        .selectFrom('jobs')
        .select('id')
        .where('job_key', '=', `retrain:${topic.id}`)
        .execute()
      assert.equal(pending.length, 1)
      await queue.start(userTopicTasks(t.db, silentLogger()), { concurrency: 1 })
      await queue.drain({ timeoutMs: 30_000 })
      await queue.stop()
      const status = await topicStatus(t.db, topic.id)
      assert.ok(status.trainedAt)
      assert.equal(status.metrics?.status, 'cross_validated')
      const tasks = userTopicTasks(t.db, silentLogger())
      const ctx = { jobId: 'x', attempt: 1, log: silentLogger() }
      await assert.rejects(tasks[RETRAIN_TASK]!({ topicId: 'x' }, ctx))
      await deleteUserTopic(t.db, topic.id, ANALYST)
      await tasks[RETRAIN_TASK]!({ topicId: topic.id }, ctx) // a deleted topic is skipped
      assert.equal((await userRows(t.db, topic.id)).length, 0)
      assert.deepEqual(
        (await listUserTopics(t.db)).map((x) => x.name),
        ['Cà phê', 'Trống'],
      )
    })
  })
}
