import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ruleFormValues } from '../../../monitor/alert-rule-input.js'
import { type AlertRuleRow, rulesOfWatchlist } from '../../../monitor/store/alert-rules.js'
import { alertsOfWatchlist } from '../../../monitor/store/alerts.js'
import { listWebhooks } from '../../../monitor/store/webhooks.js'
import {
  deleteWatchlist,
  findWatchlist,
  markWatchlistSeen,
  updateWatchlist,
  type WatchlistRow,
} from '../../../monitor/store/watchlists.js'
import { canEditRules, canEditWatchlist, canSeeWatchlist } from '../../../monitor/watchlist-access.js'
import { readWatchlistForm } from '../../../monitor/watchlist-input.js'
import { AppError, isAppError } from '../../../shared/errors.js'
import type { AppContext } from '../../context.js'
import { pageCtx } from '../../page-context.js'
import { emptyForm, Form, type FormState } from '../../views/form.js'
import { Layout } from '../../views/layout.js'
import { auditChange, idParam } from './audit.js'
import { AlertItem, RuleFields, WatchlistFields } from './parts.js'

const RECENT_ALERTS = 20

/** Form states to show instead of the stored values (after a rejected post). */
export interface WatchlistPageForms {
  list?: FormState
  newRule?: FormState
  rule?: { id: number; form: FormState }
}

const listValues = (w: WatchlistRow) => ({ name: w.name, query: w.query, shared: w.shared ? '1' : '' })
const NEW_RULE = { kind: 'new_match', enabled: '1' }

/** A watchlist the user may see, or 404 (someone else's private list does not exist for them). */
export async function visibleWatchlist(ctx: AppContext, req: FastifyRequest, idText: string) {
  const id = idParam(idText)
  const w = id === null ? undefined : await findWatchlist(ctx.store.db, id)
  if (!w || !req.user || !canSeeWatchlist(req.user, w)) throw new AppError('NOT_FOUND', 'no such watchlist')
  return w
}

/** The watchlist page: its query and explorer link, edit/delete, rules with their forms, recent alerts. */
export async function renderWatchlistPage(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  w: WatchlistRow,
  forms: WatchlistPageForms = {},
) {
  const db = ctx.store.db
  const [rules, alerts, webhooks] = await Promise.all([
    rulesOfWatchlist(db, w.id),
    alertsOfWatchlist(db, w.id, RECENT_ALERTS),
    listWebhooks(db),
  ])
  const p = pageCtx(req, reply)
  const { t } = p
  const user = req.user!
  const editList = canEditWatchlist(user, w)
  const editRules = canEditRules(user, w)
  const listForm = forms.list ?? emptyForm(listValues(w))
  const ruleForm = (r: AlertRuleRow) =>
    forms.rule?.id === r.id ? forms.rule.form : emptyForm(ruleFormValues(r))
  const hookName = (id: number) => webhooks.find((h) => h.id === id)?.name ?? `#${id}`
  return reply.html(
    <Layout ctx={p} title={w.name}>
      <p>
        <a href="/watchlists" safe>
          {t('watchlists.back')}
        </a>
      </p>
      <h1 safe>{w.name}</h1>
      <p>
        <code safe>{w.query}</code>{' '}
        <a href={`/explore?q=${encodeURIComponent(w.query)}&sort=date`} safe>
          {t('watchlists.open_explorer')}
        </a>
      </p>
      {!editList ? (
        <p class="help" safe>
          {w.is_default ? t('watchlists.default_locked') : t('watchlists.read_only')}
        </p>
      ) : (
        <details class="card" open={forms.list ? true : undefined}>
          <summary safe>{t('watchlists.edit_title')}</summary>
          <Form ctx={p} form={listForm} action={`/watchlists/${w.id}`} submit={t('watchlists.save')}>
            <WatchlistFields ctx={p} form={listForm} prefix="wl" />
          </Form>
          <form method="post" action={`/watchlists/${w.id}/delete`} class="inline danger">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit" class="danger" aria-describedby="del-help" safe>
              {t('watchlists.delete')}
            </button>
            <span class="help" id="del-help" safe>
              {t('watchlists.delete_help')}
            </span>
          </form>
        </details>
      )}
      <section class="card">
        <h2 safe>{t('watchlists.rules')}</h2>
        {rules.length === 0 ? <p safe>{t('alerts.rules_none')}</p> : ''}
        <ul class="rules">
          {rules.map((r) => {
            const v = ruleFormValues(r)
            const channels = [
              t('alerts.inapp_always'),
              v.email ? t('alerts.email') : '',
              ...(v.webhooks
                ? v.webhooks.split(',').map((id) => `${t('alerts.webhooks')}: ${hookName(Number(id))}`)
                : []),
            ].filter(Boolean)
            return (
              <li class={r.enabled ? 'rule' : 'rule off'} data-rule={String(r.id)}>
                <strong safe>{t(`alerts.kind.${r.kind}`)}</strong>{' '}
                <span class="tag" safe>
                  {r.enabled ? t('alerts.enabled') : t('alerts.disabled')}
                </span>
                <span class="help" safe>
                  {[
                    r.kind === 'new_match'
                      ? ''
                      : `${t('alerts.threshold')}: ${v.threshold ? (r.kind === 'negative_share' ? `${v.threshold}%` : v.threshold) : t('alerts.threshold_default')}`,
                    `${t('alerts.channels')}: ${channels.join(', ')}`,
                    r.quiet_hours_start
                      ? `${t('alerts.quiet_hours')}: ${r.quiet_hours_start}–${r.quiet_hours_end}`
                      : '',
                    r.digest ? t('alerts.digest') : '',
                  ]
                    .filter(Boolean)
                    .map((s) => ` · ${s}`)
                    .join('')}
                </span>
                {editRules ? (
                  <>
                    <form method="post" action={`/alert-rules/${r.id}/toggle`} class="inline">
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <button type="submit" class="link" safe>
                        {r.enabled ? t('alerts.disable') : t('alerts.enable')}
                      </button>
                    </form>{' '}
                    <form method="post" action={`/alert-rules/${r.id}/delete`} class="inline">
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <button type="submit" class="link" safe>
                        {t('alerts.delete')}
                      </button>
                    </form>
                    <details open={forms.rule?.id === r.id ? true : undefined}>
                      <summary safe>{t('alerts.edit')}</summary>
                      <Form
                        ctx={p}
                        form={ruleForm(r)}
                        action={`/alert-rules/${r.id}`}
                        submit={t('alerts.save')}
                      >
                        <RuleFields ctx={p} form={ruleForm(r)} prefix={`r${r.id}`} webhooks={webhooks} />
                      </Form>
                    </details>
                  </>
                ) : (
                  ''
                )}
              </li>
            )
          })}
        </ul>
        {editRules ? (
          <details class="add-rule" open={forms.newRule ? true : undefined}>
            <summary safe>{t('alerts.add_title')}</summary>
            <Form
              ctx={p}
              form={forms.newRule ?? emptyForm(NEW_RULE)}
              action={`/watchlists/${w.id}/rules`}
              submit={t('alerts.add')}
            >
              <RuleFields
                ctx={p}
                form={forms.newRule ?? emptyForm(NEW_RULE)}
                prefix="nr"
                webhooks={webhooks}
              />
            </Form>
          </details>
        ) : (
          ''
        )}
      </section>
      <section class="card">
        <h2 safe>{t('watchlists.recent_alerts')}</h2>
        {alerts.length === 0 ? <p safe>{t('alerts.none')}</p> : ''}
        <ul class="alerts">
          {alerts.map((a) => (
            <AlertItem ctx={p} alert={a} />
          ))}
        </ul>
      </section>
    </Layout>,
  )
}

/** `/watchlists/:id`: view (marks it seen), edit, delete. */
export function registerWatchlistView(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string } }>(
    '/watchlists/:id',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const w = await visibleWatchlist(ctx, req, req.params.id)
      await markWatchlistSeen(ctx.store.db, req.user!.id, w.id, new Date().toISOString())
      return renderWatchlistPage(ctx, req, reply, w)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/watchlists/:id',
    { config: { access: 'watchlists.edit' } },
    async (req, reply) => {
      const w = await visibleWatchlist(ctx, req, req.params.id)
      if (!canEditWatchlist(req.user!, w)) throw new AppError('FORBIDDEN', 'watchlist is not editable')
      const body = (req.body ?? {}) as Record<string, unknown>
      try {
        const input = readWatchlistForm(body)
        await updateWatchlist(ctx.store.db, w.id, input)
        await auditChange(ctx, req, {
          action: 'watchlist.update',
          entity: 'watchlist',
          entityId: w.id,
          before: listValues(w),
          after: input,
        })
        return reply.redirect(`/watchlists/${w.id}?ok=watchlists.saved`)
      } catch (e) {
        if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
        reply.status(400)
        const values = {
          name: typeof body.name === 'string' ? body.name : '',
          query: typeof body.query === 'string' ? body.query : '',
          shared: body.shared === '1' ? '1' : '',
        }
        return renderWatchlistPage(ctx, req, reply, w, {
          list: { values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') },
        })
      }
    },
  )

  app.post<{ Params: { id: string } }>(
    '/watchlists/:id/delete',
    { config: { access: 'watchlists.edit' } },
    async (req, reply) => {
      const w = await visibleWatchlist(ctx, req, req.params.id)
      if (!canEditWatchlist(req.user!, w)) throw new AppError('FORBIDDEN', 'watchlist cannot be deleted')
      await deleteWatchlist(ctx.store.db, w.id)
      await auditChange(ctx, req, {
        action: 'watchlist.delete',
        entity: 'watchlist',
        entityId: w.id,
        before: listValues(w),
      })
      return reply.redirect('/watchlists?ok=watchlists.deleted')
    },
  )
}
