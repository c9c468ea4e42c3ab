import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type CollectionWithCount, listCollections } from '../../db/tables/source-collections.js'
import { applyDefaultMemberships } from '../../ingest/sources/default-collections.js'
import {
  assignSources,
  createCollection,
  removeCollection,
  renameCollection,
} from '../../ingest/sources/manage-collections.js'
import { AppError, isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { ErrorPage } from '../views/error-page.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { TableHead } from '../views/table-head.js'
import { registerSourcePage } from './source-page.js'
import { str } from '../request-input.js'

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
const idParam = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new AppError('NOT_FOUND', `no source collection ${raw}`)
  return Number(raw)
}

/** One collection's row: its rename form (with its own field errors) and its delete button. */
function CollectionRow(props: { ctx: PageCtx; c: CollectionWithCount; form: FormState | undefined }) {
  const { ctx, c } = props
  const { t } = ctx
  const form = props.form ?? emptyForm({ name: c.name, description: c.description ?? '' })
  const problem = (field: string) => form.problems.find((p) => p.field === field)
  const nameProblem = problem('name')
  return (
    <tr id={`collection-${c.id}`}>
      <td>
        <form method="post" action={`/sources/collections/${c.id}`} class="inline" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <label class="sr-only" for={`c-name-${c.id}`} safe>
            {t('collections.name')}
          </label>
          <input
            id={`c-name-${c.id}`}
            name="name"
            value={form.values.name ?? ''}
            maxlength="120"
            required
            aria-invalid={nameProblem ? 'true' : undefined}
            aria-describedby={nameProblem ? `c-name-${c.id}-err` : undefined}
          />
          <label class="sr-only" for={`c-desc-${c.id}`} safe>
            {t('collections.description')}
          </label>
          <input
            id={`c-desc-${c.id}`}
            name="description"
            value={form.values.description ?? ''}
            maxlength="1000"
          />
          <button type="submit" safe>
            {t('collections.rename')}
          </button>
          {nameProblem ? (
            <p class="error" id={`c-name-${c.id}-err`} safe>
              {t(nameProblem.key)}
            </p>
          ) : (
            ''
          )}
        </form>
      </td>
      <td>
        <a href={`/sources?collection=${c.id}`}>{c.sources}</a>
      </td>
      <td>{c.default_key ? t('collections.default') : ''}</td>
      <td>
        <form method="post" action={`/sources/collections/${c.id}/delete`} class="inline">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <button type="submit" class="danger" safe>
            {t('collections.delete')}
          </button>
        </form>
      </td>
    </tr>
  )
}

function CollectionsPage(props: {
  ctx: PageCtx
  collections: CollectionWithCount[]
  create: FormState
  edit?: { id: number; form: FormState }
}) {
  const { ctx } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('collections.title')}>
      <h1 safe>{t('collections.title')}</h1>
      <p class="help" safe>
        {t('collections.intro')}
      </p>
      {props.collections.length === 0 ? <p safe>{t('collections.none')}</p> : ''}
      <table>
        <TableHead
          t={t}
          keys={['collections.name', 'collections.sources', 'collections.default', 'common.actions']}
        />
        <tbody>
          {props.collections.map((c) => (
            <CollectionRow ctx={ctx} c={c} form={props.edit?.id === c.id ? props.edit.form : undefined} />
          ))}
        </tbody>
      </table>
      <p class="help" safe>
        {t('collections.delete_help')}
      </p>
      <section class="card">
        <h2 safe>{t('collections.create')}</h2>
        <Form ctx={ctx} form={props.create} action="/sources/collections" submit={t('collections.create')}>
          <Field
            ctx={ctx}
            form={props.create}
            name="name"
            label={t('collections.name')}
            required
            maxlength={120}
          />
          <Field
            ctx={ctx}
            form={props.create}
            name="description"
            label={t('collections.description')}
            maxlength={1000}
          />
        </Form>
      </section>
      <p>
        <a href="/sources" safe>
          {t('source.back')}
        </a>
      </p>
    </Layout>
  )
}

/** Source collections ("Báo chí trung ương", "Báo chí nước ngoài"…) and each source's page with its volume. */
export function registerSourceCollections(app: FastifyInstance, ctx: AppContext): void {
  const access = { config: { access: 'sources.manage' as const } }
  const db = ctx.store.db
  const actor = (req: FastifyRequest) => ({
    userId: req.user?.id ?? null,
    actor: req.user?.email ?? '',
    ip: req.ip,
  })
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { create?: FormState; edit?: { id: number; form: FormState } } = {},
  ) =>
    reply.html(
      <CollectionsPage
        ctx={pageCtx(req, reply)}
        collections={await listCollections(db)}
        create={forms.create ?? emptyForm()}
        edit={forms.edit}
      />,
    )
  /** Re-shows the page with the user's input and field messages when the input is refused. */
  const refused = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (!isAppError(e) || (e.code !== 'VALIDATION_FAILED' && e.code !== 'CONFLICT')) throw e
    reply.status(e.status)
    return { values: {}, problems: e.fields, message: req.t(`error.${e.code}`) }
  }

  app.get('/sources/collections', access, async (req, reply) => {
    await applyDefaultMemberships(db)
    return render(req, reply)
  })

  app.post('/sources/collections', access, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), description: str(b.description) }
    try {
      await createCollection(db, values, actor(req))
      return reply.redirect('/sources/collections?ok=collections.created')
    } catch (e) {
      return render(req, reply, { create: { ...refused(req, reply, e), values } })
    }
  })

  app.post<{ Params: { id: string } }>('/sources/collections/:id', access, async (req, reply) => {
    const id = idParam(req.params.id)
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), description: str(b.description) }
    try {
      await renameCollection(db, id, values, actor(req))
      return reply.redirect('/sources/collections?ok=collections.updated')
    } catch (e) {
      return render(req, reply, { edit: { id, form: { ...refused(req, reply, e), values } } })
    }
  })

  app.post<{ Params: { id: string } }>('/sources/collections/:id/delete', access, async (req, reply) => {
    await removeCollection(db, idParam(req.params.id), actor(req))
    return reply.redirect('/sources/collections?ok=collections.deleted')
  })

  app.post('/sources/assign', access, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    try {
      await assignSources(
        db,
        { collectionId: str(b.collectionId), sourceIds: list(b.sourceIds), mode: str(b.mode) },
        actor(req),
      )
    } catch (e) {
      // No page holds this form alone: say which field is wrong and lead back to the list.
      const form = refused(req, reply, e)
      const p = pageCtx(req, reply)
      const message = form.problems.map((x) => req.t(x.key)).join(' ') || form.message
      return reply.html(<ErrorPage ctx={p} status={reply.statusCode} message={message} />)
    }
    const back = str(b.back)
    const to = /^\/sources(\?[\w=&]*)?$/.test(back) ? back : '/sources'
    return reply.redirect(`${to}${to.includes('?') ? '&' : '?'}ok=collections.assigned`)
  })

  registerSourcePage(app, ctx)
}
