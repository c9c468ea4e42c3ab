import type { FastifyInstance } from 'fastify'
import type { SourceCollectionRow } from '../../db/tables/source-collections.js'
import { setSourceCollections } from '../../ingest/sources/manage-collections.js'
import { AppError, isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { ErrorPage } from '../views/error-page.js'

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

/** The source page's collection checkboxes, for those who manage sources. */
export function MembershipCard(props: {
  ctx: PageCtx
  sourceId: number
  all: Pick<SourceCollectionRow, 'id' | 'name'>[]
  mine: ReadonlySet<number>
}) {
  const { ctx } = props
  const { t } = ctx
  return (
    <section class="card">
      <form method="post" action={`/sources/${props.sourceId}/collections`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <fieldset>
          <legend safe>{t('source.collections_edit')}</legend>
          {props.all.length === 0 ? <p safe>{t('collections.none')}</p> : ''}
          {props.all.map((c) => (
            <label class="check">
              <input
                type="checkbox"
                name="collectionIds"
                value={String(c.id)}
                checked={props.mine.has(c.id)}
              />{' '}
              <span safe>{c.name}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" safe>
          {t('common.save')}
        </button>
      </form>
    </section>
  )
}

export function registerSourceMembership(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Params: { id: string } }>(
    '/sources/:id/collections',
    { config: { access: 'sources.manage' } },
    async (req, reply) => {
      if (!/^\d{1,12}$/.test(req.params.id)) throw new AppError('NOT_FOUND', 'no such source')
      const id = Number(req.params.id)
      const body = (req.body ?? {}) as Record<string, unknown>
      try {
        await setSourceCollections(
          ctx.store.db,
          id,
          { collectionIds: list(body.collectionIds) },
          { userId: req.user?.id ?? null, actor: req.user?.email ?? '', ip: req.ip },
        )
      } catch (e) {
        if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
        reply.status(e.status)
        const message = e.fields.map((f) => req.t(f.key)).join(' ')
        return reply.html(<ErrorPage ctx={pageCtx(req, reply)} status={e.status} message={message} />)
      }
      return reply.redirect(`/sources/${id}?ok=collections.updated`)
    },
  )
}
