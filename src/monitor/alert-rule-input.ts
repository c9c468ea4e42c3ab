import { AppError, type FieldProblem } from '../shared/errors.js'
import type { AlertRuleKind } from './monitor-schema.js'
import { type AlertRuleRow, type NewAlertRule, parseChannels } from './store/alert-rules.js'

export const RULE_KINDS: readonly AlertRuleKind[] = ['new_match', 'spike', 'negative_share']
/** A spike ratio above this is a typo, not a threshold. */
const MAX_SPIKE_RATIO = 100
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/

export type RuleInput = Omit<NewAlertRule, 'watchlistId'>

/** The form's fields as text (what the form shows back), from a stored rule. */
export function ruleFormValues(r: AlertRuleRow): Record<string, string> {
  const ch = parseChannels(r.channels_json)
  return {
    kind: r.kind,
    threshold:
      r.threshold === null
        ? ''
        : r.kind === 'negative_share'
          ? String(Math.round(r.threshold * 1000) / 10)
          : String(r.threshold),
    email: ch.email ? '1' : '',
    webhooks: ch.webhooks.join(','),
    quiet_start: r.quiet_hours_start ?? '',
    quiet_end: r.quiet_hours_end ?? '',
    digest: r.digest ? '1' : '',
    enabled: r.enabled ? '1' : '',
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

/** `1,5` and `1.5` alike; a share may carry `%`. NaN when it is not a number. */
const number = (s: string) =>
  /^\d+([.,]\d+)?%?$/.test(s) ? Number(s.replace(',', '.').replace('%', '')) : Number.NaN

/**
 * Reads an alert-rule form. The threshold depends on the kind: a spike's least ratio of observed to
 * expected (≥ 1), a negative share as a percent (0 < x ≤ 100, stored as 0…1), nothing for new
 * matches; empty means the detector's default. Quiet hours are both `HH:MM` or both empty. Webhooks
 * must be among `webhookIds`. Throws VALIDATION_FAILED with field problems.
 */
export function readRuleForm(
  body: Record<string, unknown>,
  webhookIds: readonly number[],
): { input: RuleInput; values: Record<string, string> } {
  const hooks = list(body.webhooks)
  const values = {
    kind: text(body.kind),
    threshold: text(body.threshold),
    email: body.email === '1' ? '1' : '',
    webhooks: hooks.join(','),
    quiet_start: text(body.quiet_start),
    quiet_end: text(body.quiet_end),
    digest: body.digest === '1' ? '1' : '',
    enabled: body.enabled === '1' ? '1' : '',
  }
  const problems: FieldProblem[] = []
  const kind = RULE_KINDS.find((k) => k === values.kind)
  if (!kind) problems.push({ field: 'kind', key: 'field.invalid' })
  const threshold = kind ? readThreshold(kind, values.threshold, problems) : null
  const webhooks = hooks.map(Number)
  if (webhooks.some((id) => !webhookIds.includes(id)))
    problems.push({ field: 'webhooks', key: 'field.invalid' })
  const { quiet_start: qs, quiet_end: qe } = values
  for (const [field, v] of [
    ['quiet_start', qs],
    ['quiet_end', qe],
  ] as const)
    if (v && !HH_MM.test(v)) problems.push({ field, key: 'alerts.quiet_format' })
  if (HH_MM.test(qs) !== HH_MM.test(qe) && !problems.some((p) => p.field.startsWith('quiet')))
    problems.push({ field: qs ? 'quiet_end' : 'quiet_start', key: 'alerts.quiet_both' })
  if (qs && qs === qe) problems.push({ field: 'quiet_end', key: 'alerts.quiet_same' })
  if (problems.length || !kind)
    throw new AppError('VALIDATION_FAILED', 'alert rule form invalid', {
      fields: problems,
      details: { values },
    })
  return {
    values,
    input: {
      kind,
      threshold,
      channels: { inapp: true, email: values.email === '1', webhooks },
      quietHours: qs && qe ? { start: qs, end: qe } : null,
      digest: values.digest === '1',
      enabled: values.enabled === '1',
    },
  }
}

function readThreshold(kind: AlertRuleKind, raw: string, problems: FieldProblem[]): number | null {
  if (kind === 'new_match' || raw === '') return null
  const n = number(raw)
  if (kind === 'spike') {
    if (raw.includes('%') || !(n >= 1 && n <= MAX_SPIKE_RATIO))
      problems.push({ field: 'threshold', key: 'alerts.threshold_spike' })
    return n
  }
  if (!(n > 0 && n <= 100)) problems.push({ field: 'threshold', key: 'alerts.threshold_share' })
  return n / 100
}
