import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { can } from '../../accounts/permissions.js'
import { type CollectionWithCount, listCollections } from '../../db/tables/source-collections.js'
import { applyDefaultMemberships } from '../../ingest/sources/default-collections.js'
import { countSources, type SourceOverview, sourceOverview } from '../../ingest/sources/source-overview.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { Pager } from '../views/form.js'
import { formatDecimal } from '../views/format-number.js'
import { Layout } from '../views/layout.js'

const PAGE_SIZE = 50
const ListQuery = z.object({
  collection: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

/** The backoff state of a source's feeds: normal, or how far the fetcher has spaced its checks. */
export const backoffLabel = (ctx: PageCtx, failures: number) =>
  failures > 0
    ? ctx.t('source.backoff_on', { n: formatDecimal(ctx.locale, failures, 2, 0) })
    : ctx.t('source.backoff_none')

function SourceRow(props: { ctx: PageCtx; s: SourceOverview; manage: boolean }) {
  const { ctx, s } = props
  const { t } = ctx
  return (
    <tr class={s.lastError ? 'bad' : undefined}>
      {props.manage ? (
        <td>
          <input
            type="checkbox"
            name="sourceIds"
            value={String(s.id)}
            form="assign-form"
            aria-label={t('collections.select', { name: s.name })}
          />
        </td>
      ) : (
        ''
      )}
      <td>
        <a href={`/sources/${s.id}`} safe>
          {s.name}
        </a>
        <br />
        <small
          safe
        >{`${s.country} · ${s.lang} · ${s.verified ? t('sources.verified') : t('sources.unverified')}`}</small>
      </td>
      <td safe>{t(`sources.kind.${s.kind}`)}</td>
      <td safe>{s.collections.map((c) => c.name).join(', ')}</td>
      <td>{s.articles}</td>
      <td safe>{formatDecimal(ctx.locale, s.perDay, 1)}</td>
      <td>{s.lastFetchAt ? formatDateTime(s.lastFetchAt) : '—'}</td>
      <td>
        {s.lastError ? (
          <span class="error" safe>{`[${s.lastError.code ?? ''}] ${s.lastError.message}`}</span>
        ) : (
          '—'
        )}
      </td>
      <td>{s.nextCheckAt ? formatDateTime(s.nextCheckAt) : '—'}</td>
      <td safe>{backoffLabel(ctx, s.backoff)}</td>
    </tr>
  )
}

function CollectionFilter(props: { ctx: PageCtx; collections: CollectionWithCount[]; current?: number }) {
  const { t } = props.ctx
  return (
    <nav class="filters" aria-label={t('collections.filter')}>
      <a href="/sources" aria-current={props.current === undefined ? 'page' : undefined} safe>
        {t('collections.all')}
      </a>
      {props.collections.map((c) => (
        <a
          href={`/sources?collection=${c.id}`}
          aria-current={props.current === c.id ? 'page' : undefined}
          safe
        >{`${c.name} (${c.sources})`}</a>
      ))}
    </nav>
  )
}

function AssignForm(props: { ctx: PageCtx; collections: CollectionWithCount[]; back: string }) {
  const { ctx } = props
  const { t } = ctx
  return (
    <form method="post" action="/sources/assign" id="assign-form">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="back" value={props.back} />
      <fieldset class="bulk">
        <legend safe>{t('collections.bulk')}</legend>
        <label for="f-mode" safe>
          {t('collections.mode')}
        </label>
        <select id="f-mode" name="mode">
          <option value="add" safe>
            {t('collections.add_to')}
          </option>
          <option value="remove" safe>
            {t('collections.remove_from')}
          </option>
        </select>
        <label for="f-collection" safe>
          {t('collections.target')}
        </label>
        <select id="f-collection" name="collectionId">
          {props.collections.map((c) => (
            <option value={String(c.id)} safe>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {t('collections.apply')}
        </button>
      </fieldset>
    </form>
  )
}

export function registerSourcesList(app: FastifyInstance, ctx: AppContext) {
  app.get('/sources', { config: { access: 'articles.view' } }, async (req, reply) => {
    const q = ListQuery.parse(req.query ?? {})
    await applyDefaultMemberships(ctx.store.db)
    const collections = await listCollections(ctx.store.db)
    const current = collections.find((c) => c.id === q.collection)?.id
    const [rows, total] = await Promise.all([
      sourceOverview(ctx.store.db, {
        collectionId: current,
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
        now: new Date(),
      }),
      countSources(ctx.store.db, current),
    ])
    const p = pageCtx(req, reply)
    const { t } = p
    const manage = req.user ? can(req.user.role, 'sources.manage') : false
    const base = current === undefined ? '/sources' : `/sources?collection=${current}`
    const from = (q.page - 1) * PAGE_SIZE
    return reply.html(
      <Layout ctx={p} title={t('sources.title')}>
        <h1 safe>{t('sources.title')}</h1>
        {manage ? (
          <p class="actions">
            <a class="button" href="/sources/new" safe>
              {t('sources.add')}
            </a>{' '}
            <a href="/sources/starter" safe>
              {t('sources.starter')}
            </a>{' '}
            <a href="/sources/opml" safe>
              {t('sources.opml')}
            </a>{' '}
            <a href="/sources/collections" safe>
              {t('collections.manage')}
            </a>
          </p>
        ) : (
          ''
        )}
        <CollectionFilter ctx={p} collections={collections} current={current} />
        {rows.length === 0 ? (
          <p safe>{current === undefined ? t('common.none') : t('collections.empty')}</p>
        ) : (
          <p class="help" safe>
            {t('collections.showing', { from: from + 1, to: from + rows.length, total })}
          </p>
        )}
        {manage && rows.length > 0 && collections.length > 0 ? (
          <AssignForm
            ctx={p}
            collections={collections}
            back={q.page > 1 ? `${base}${base.includes('?') ? '&' : '?'}page=${q.page}` : base}
          />
        ) : (
          ''
        )}
        <table class="sources">
          <thead>
            <tr>
              {manage ? (
                <th scope="col">
                  <input
                    type="checkbox"
                    data-select-all="sourceIds"
                    aria-label={t('collections.select_all')}
                    title={t('collections.select_all')}
                  />
                </th>
              ) : (
                ''
              )}
              {[
                'sources.name',
                'sources.kind',
                'sources.collection',
                'sources.articles',
                'sources.per_day',
                'sources.last_fetch',
                'sources.last_error',
                'sources.next_check',
                'source.backoff',
              ].map((k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <SourceRow ctx={p} s={s} manage={manage} />
            ))}
          </tbody>
        </table>
        <Pager ctx={p} page={q.page} hasNext={from + rows.length < total} base={base} />
      </Layout>,
    )
  })
}
