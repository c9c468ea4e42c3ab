import type { FastifyInstance, FastifyRequest } from 'fastify'
import { readRuleForm, ruleFormValues } from '../../../monitor/alert-rule-input.js'
import {
  createAlertRule,
  deleteAlertRule,
  findAlertRule,
  setAlertRuleEnabled,
  updateAlertRule,
} from '../../../monitor/store/alert-rules.js'
import { findWatchlist } from '../../../monitor/store/watchlists.js'
import { listWebhooks } from '../../../monitor/store/webhooks.js'
import { canEditRules, canSeeWatchlist } from '../../../monitor/watchlist-access.js'
import { AppError, isAppError } from '../../../shared/errors.js'
import type { AppContext } from '../../context.js'
import { auditChange, idParam } from './audit.js'
import { renderWatchlistPage, visibleWatchlist } from './watchlist-view.js'

type IdParams = { Params: { id: string } }
const edit = { config: { access: 'watchlists.edit' as const } }

/** Alert rules of a watchlist: add, edit, turn on/off, delete (the forms live on the watchlist page). */
export function registerAlertRules(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.store.db
  const webhookIds = async () => (await listWebhooks(db)).map((h) => h.id)

  /** The rule and its watchlist, when the user may change its rules; 404 when they may not see it. */
  const editableRule = async (req: FastifyRequest, idText: string) => {
    const id = idParam(idText)
    const rule = id === null ? undefined : await findAlertRule(db, id)
    const w = rule ? await findWatchlist(db, rule.watchlist_id) : undefined
    if (!rule || !w || !canSeeWatchlist(req.user!, w)) throw new AppError('NOT_FOUND', 'no such rule')
    if (!canEditRules(req.user!, w))
      throw new AppError('FORBIDDEN', 'rules of this watchlist are not editable')
    return { rule, w }
  }

  app.post<IdParams>('/watchlists/:id/rules', edit, async (req, reply) => {
    const w = await visibleWatchlist(ctx, req, req.params.id)
    if (!canEditRules(req.user!, w))
      throw new AppError('FORBIDDEN', 'rules of this watchlist are not editable')
    try {
      const { input } = readRuleForm((req.body ?? {}) as Record<string, unknown>, await webhookIds())
      const rule = await createAlertRule(db, { ...input, watchlistId: w.id })
      await auditChange(ctx, req, {
        action: 'alert_rule.create',
        entity: 'alert_rule',
        entityId: rule.id,
        after: input,
      })
      return reply.redirect(`/watchlists/${w.id}?ok=alerts.created`)
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      const values = (e.details.values ?? {}) as Record<string, string>
      return renderWatchlistPage(ctx, req, reply, w, {
        newRule: { values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') },
      })
    }
  })

  app.post<IdParams>('/alert-rules/:id', edit, async (req, reply) => {
    const { rule, w } = await editableRule(req, req.params.id)
    try {
      const { input } = readRuleForm((req.body ?? {}) as Record<string, unknown>, await webhookIds())
      await updateAlertRule(db, rule.id, { ...input, watchlistId: w.id })
      await auditChange(ctx, req, {
        action: 'alert_rule.update',
        entity: 'alert_rule',
        entityId: rule.id,
        before: ruleFormValues(rule),
        after: input,
      })
      return reply.redirect(`/watchlists/${w.id}?ok=alerts.saved`)
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      const values = (e.details.values ?? {}) as Record<string, string>
      return renderWatchlistPage(ctx, req, reply, w, {
        rule: {
          id: rule.id,
          form: { values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') },
        },
      })
    }
  })

  app.post<IdParams>('/alert-rules/:id/toggle', edit, async (req, reply) => {
    const { rule, w } = await editableRule(req, req.params.id)
    const enabled = rule.enabled !== 1
    await setAlertRuleEnabled(db, rule.id, enabled)
    await auditChange(ctx, req, {
      action: enabled ? 'alert_rule.enable' : 'alert_rule.disable',
      entity: 'alert_rule',
      entityId: rule.id,
    })
    return reply.redirect(`/watchlists/${w.id}?ok=alerts.toggled`)
  })

  app.post<IdParams>('/alert-rules/:id/delete', edit, async (req, reply) => {
    const { rule, w } = await editableRule(req, req.params.id)
    await deleteAlertRule(db, rule.id)
    await auditChange(ctx, req, {
      action: 'alert_rule.delete',
      entity: 'alert_rule',
      entityId: rule.id,
      before: ruleFormValues(rule),
    })
    return reply.redirect(`/watchlists/${w.id}?ok=alerts.deleted`)
  })
}
