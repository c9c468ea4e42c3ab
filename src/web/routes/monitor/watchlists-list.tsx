import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../../accounts/permissions.js'
import { searchAdapter } from '../../../monitor/search-adapter.js'
import { createWatchlist } from '../../../monitor/store/watchlists.js'
import { readWatchlistForm } from '../../../monitor/watchlist-input.js'
import { type WatchlistSummary, watchlistOverview } from '../../../monitor/watchlist-overview.js'
import { countMatches } from '../../../search/search-articles.js'
import { isAppError } from '../../../shared/errors.js'
import type { AppContext } from '../../context.js'
import { type PageCtx, pageCtx } from '../../page-context.js'
import { emptyForm, Form, type FormState } from '../../views/form.js'
import { Layout } from '../../views/layout.js'
import { TableHead } from '../../views/table-head.js'
import { auditChange } from './audit.js'
import { WatchlistFields } from './parts.js'

const count = (ctx: PageCtx, n: number | null) => (n === null ? ctx.t('watchlists.unknown') : String(n))

function ownerLabel(ctx: PageCtx, s: WatchlistSummary) {
  const w = s.watchlist
  if (w.is_default) return ctx.t('watchlists.default')
  if (w.owner_id === null) return ctx.t('watchlists.office')
  return w.owner_id === ctx.user?.id ? ctx.t('watchlists.mine') : ctx.t('watchlists.by')
}

function WatchlistsPage(props: { ctx: PageCtx; lists: WatchlistSummary[]; form: FormState }) {
  const { ctx } = props
  const { t } = ctx
  const editor = ctx.user !== null && can(ctx.user.role, 'watchlists.edit')
  return (
    <Layout ctx={ctx} title={t('watchlists.title')}>
      <h1 safe>{t('watchlists.title')}</h1>
      <p class="help" safe>
        {t('watchlists.intro')}
      </p>
      {props.lists.length === 0 ? <p safe>{t('watchlists.none')}</p> : ''}
      <table class="watchlists">
        <TableHead
          t={t}
          keys={[
            'watchlists.name',
            'watchlists.query',
            'watchlists.owner',
            'watchlists.new_since_visit',
            'watchlists.last_week',
            'common.actions',
          ]}
        />
        <tbody>
          {props.lists.map((s) => (
            <tr data-id={String(s.watchlist.id)}>
              <td>
                <a href={`/watchlists/${s.watchlist.id}`} safe>
                  {s.watchlist.name}
                </a>
              </td>
              <td>
                <code safe>{s.watchlist.query}</code>
              </td>
              <td safe>
                {`${ownerLabel(ctx, s)}${s.watchlist.owner_id !== null && s.watchlist.shared ? ` · ${t('watchlists.shared')}` : ''}`}
              </td>
              <td class={s.newSinceVisit ? 'num new' : 'num'} safe>
                {count(ctx, s.newSinceVisit)}
              </td>
              <td class="num" safe>
                {count(ctx, s.lastWeek)}
              </td>
              <td>
                <a href={`/explore?q=${encodeURIComponent(s.watchlist.query)}&sort=date`} safe>
                  {t('watchlists.open_explorer')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editor ? (
        <section class="card">
          <h2 safe>{t('watchlists.create_title')}</h2>
          <Form ctx={ctx} form={props.form} action="/watchlists" submit={t('watchlists.create')}>
            <WatchlistFields ctx={ctx} form={props.form} prefix="new" />
          </Form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** `/watchlists`: the office's and the user's watchlists with what is new, and the create form. */
export function registerWatchlistsList(app: FastifyInstance, ctx: AppContext) {
  const search = searchAdapter(ctx.store, ctx.config.queryTimeoutMs)
  const count = (query: string) => countMatches(ctx.store, query, { timeoutMs: ctx.config.queryTimeoutMs })
  const render = async (req: FastifyRequest, reply: FastifyReply, form: FormState) => {
    const lists = await watchlistOverview(
      { db: ctx.store.db, search, count, log: ctx.log },
      { userId: req.user?.id ?? 0, now: new Date() },
    )
    return reply.html(<WatchlistsPage ctx={pageCtx(req, reply)} lists={lists} form={form} />)
  }

  app.get('/watchlists', { config: { access: 'articles.view' } }, (req, reply) =>
    render(req, reply, emptyForm()),
  )

  app.post('/watchlists', { config: { access: 'watchlists.edit' } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      const input = readWatchlistForm(body)
      const w = await createWatchlist(ctx.store.db, { ...input, ownerId: req.user?.id ?? null })
      await auditChange(ctx, req, {
        action: 'watchlist.create',
        entity: 'watchlist',
        entityId: w.id,
        after: input,
      })
      return reply.redirect(`/watchlists/${w.id}?ok=watchlists.created`)
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      const values = {
        name: typeof body.name === 'string' ? body.name : '',
        query: typeof body.query === 'string' ? body.query : '',
        shared: body.shared === '1' ? '1' : '',
      }
      return render(req, reply, { values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') })
    }
  })
}
