import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseInput } from '../../../accounts/validate.js'
import {
  createUserTopic,
  deleteUserTopic,
  listUserTopics,
  type TopicStatus,
  topicStatus,
} from '../../../analyze/user-topics/index.js'
import { deleteTopicSeed, parseSeed, setTopicSeed } from '../../../analyze/user-topics/topic-seed.js'
import { NewUserTopicInput } from '../../../analyze/user-topics/user-topic-store.js'
import { AppError, type FieldProblem, isAppError } from '../../../shared/errors.js'
import { formatDateTime } from '../../../shared/time.js'
import type { AppContext } from '../../context.js'
import { type PageCtx, pageCtx } from '../../page-context.js'
import { emptyForm, Field, Form, type FormState } from '../../views/form.js'
import { Layout } from '../../views/layout.js'
import { MetricsText } from './topic-metrics-view.js'
import { actorOf, canEdit, EDIT, idParam, str, VIEW } from './topic-web.js'

function SeedField(props: { ctx: PageCtx; form: FormState }) {
  const { t } = props.ctx
  const problem = props.form.problems.find((p) => p.field === 'seed')
  return (
    <div class={problem ? 'field invalid' : 'field'}>
      <label for="f-seed" safe>
        {t('topics.seed')}
      </label>
      <input
        id="f-seed"
        name="seed"
        type="search"
        maxlength="500"
        value={props.form.values.seed ?? ''}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? 'f-seed-help f-seed-err' : 'f-seed-help'}
      />
      <p class="help" id="f-seed-help" safe>
        {t('topics.seed_help')}
      </p>
      {problem ? (
        <p class="error" id="f-seed-err" safe>
          {t(problem.key, problem.params)}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

function TopicRow(props: { ctx: PageCtx; s: TopicStatus; edit: boolean }) {
  const { ctx, s } = props
  const { t } = ctx
  return (
    <tr>
      <td>
        <a href={`/topics/${s.id}`} safe>
          {s.name}
        </a>
        {s.description ? (
          <>
            <br />
            <small safe>{s.description}</small>
          </>
        ) : (
          ''
        )}
      </td>
      <td>{s.positives}</td>
      <td>{s.negatives}</td>
      <td>{s.members}</td>
      <td safe>{s.trainedAt ? formatDateTime(s.trainedAt) : t('topics.never')}</td>
      <td>
        <MetricsText ctx={ctx} s={s} />
      </td>
      {props.edit ? (
        <td>
          <form method="post" action={`/topics/${s.id}/delete`} class="inline">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit" class="danger" aria-label={`${t('topics.delete')}: ${s.name}`} safe>
              {t('topics.delete')}
            </button>
          </form>
        </td>
      ) : (
        ''
      )}
    </tr>
  )
}

function TopicsPage(props: { ctx: PageCtx; topics: TopicStatus[]; form: FormState; edit: boolean }) {
  const { ctx, form } = props
  const { t } = ctx
  const heads = [
    'topics.name',
    'topics.labels_in',
    'topics.labels_out',
    'topics.members_col',
    'topics.trained',
    'topics.quality',
    ...(props.edit ? ['common.actions'] : []),
  ]
  return (
    <Layout ctx={ctx} title={t('topics.title')}>
      <h1 safe>{t('topics.title')}</h1>
      <p class="help" safe>
        {t('topics.intro')}
      </p>
      {props.topics.length === 0 ? (
        <p safe>{t('topics.none')}</p>
      ) : (
        <table class="topics">
          <thead>
            <tr>
              {heads.map((k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.topics.map((s) => (
              <TopicRow ctx={ctx} s={s} edit={props.edit} />
            ))}
          </tbody>
        </table>
      )}
      {props.edit ? (
        <section class="card">
          <h2 safe>{t('topics.create')}</h2>
          <Form ctx={ctx} form={form} action="/topics" submit={t('topics.create')}>
            <Field ctx={ctx} form={form} name="name" label={t('topics.name')} required maxlength={120} />
            <Field
              ctx={ctx}
              form={form}
              name="description"
              label={t('topics.description')}
              maxlength={2000}
            />
            <SeedField ctx={ctx} form={form} />
          </Form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** The topic list with each topic's state, the create form, and delete. */
export function registerTopicsList(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.store.db
  const render = async (req: FastifyRequest, reply: FastifyReply, form: FormState) => {
    const topics = await Promise.all((await listUserTopics(db)).map((s) => topicStatus(db, s.id)))
    return reply.html(
      <TopicsPage ctx={pageCtx(req, reply)} topics={topics} form={form} edit={canEdit(req)} />,
    )
  }

  app.get('/topics', VIEW, (req, reply) => render(req, reply, emptyForm()))

  app.post('/topics', EDIT, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), description: str(b.description), seed: str(b.seed) }
    try {
      // Every field is checked before anything is created, so all problems show at once.
      const problems: FieldProblem[] = []
      const check = <T,>(f: () => T): T | null => {
        try {
          return f()
        } catch (e) {
          if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
          problems.push(...e.fields)
          return null
        }
      }
      check(() => parseInput(NewUserTopicInput, values))
      const seed = check(() => parseSeed(values.seed))
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', 'topic input refused', { fields: problems })
      const topic = await createUserTopic(db, values, actorOf(req))
      if (seed) await setTopicSeed(db, topic.id, seed, actorOf(req))
      return reply.redirect(`/topics/${topic.id}?ok=topics.created`)
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'VALIDATION_FAILED' && e.code !== 'CONFLICT')) throw e
      reply.status(e.status)
      return render(req, reply, { values, problems: e.fields, message: req.t(`error.${e.code}`) })
    }
  })

  app.post<{ Params: { id: string } }>('/topics/:id/delete', EDIT, async (req, reply) => {
    const id = idParam(req.params.id, 'topic')
    await deleteUserTopic(db, id, actorOf(req))
    await deleteTopicSeed(db, id)
    return reply.redirect('/topics?ok=topics.deleted')
  })
}
