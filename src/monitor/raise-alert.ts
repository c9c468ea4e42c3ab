import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { absoluteLink, renderAlertEmail } from './deliver/render-email.js'
import type { AlertLevel } from './monitor-schema.js'
import { recipientsOf } from './recipients.js'
import { quietHoursEnd } from './schedule-times.js'
import { type RuleWithWatchlist, parseChannels } from './store/alert-rules.js'
import { type AlertRow, insertAlertOnce } from './store/alerts.js'
import { insertNotifications } from './store/notifications.js'
import { enqueueOutbox, type NewOutboxEntry } from './store/outbox.js'

export interface AlertCandidate {
  dedupeKey: string
  day: string
  level: AlertLevel
  title: string
  body: string
  bullets: string[]
  link: string
  /** the detection result and drivers, kept for the alert page */
  detail: unknown
}

/**
 * Stores an alert once per rule and key, and in the same transaction its in-app notifications and
 * outbox messages. Watch-level alerts stay in the app (and the digest); e-mail and webhooks carry
 * alerts. Quiet hours hold e-mail and webhooks until they end; digest-mode rules leave e-mail to the
 * 07:00 digest. Returns the alert when it is new.
 */
export async function raiseAlert(
  db: Kysely<Database>,
  rule: RuleWithWatchlist,
  c: AlertCandidate,
  opts: { now: Date; publicUrl: string },
): Promise<AlertRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const explanation = { bullets: c.bullets, detail: c.detail }
    const alert = await insertAlertOnce(trx, { ...c, ruleId: rule.id, explanation }, opts.now)
    if (!alert) return undefined
    const channels = parseChannels(rule.channels_json)
    const recipients = await recipientsOf(trx, rule.watchlist)
    if (channels.inapp)
      await insertNotifications(
        trx,
        alert.id,
        recipients.map((r) => r.id),
        opts.now,
      )
    if (c.level !== 'alert') return alert
    const notBefore = quietHoursEnd(opts.now, rule.quiet_hours_start, rule.quiet_hours_end) ?? opts.now
    const out: NewOutboxEntry[] = []
    if (channels.email && rule.digest === 0) {
      const mail = renderAlertEmail({ ...c, bullets: c.bullets }, opts.publicUrl)
      for (const r of recipients.filter((x) => x.alertEmail)) {
        out.push({
          channel: 'email',
          target: r.email,
          payload: mail,
          notBefore,
          alertId: alert.id,
          dedupeKey: `alert:${alert.id}:email:${r.id}`,
        })
      }
    }
    for (const id of channels.webhooks) {
      const payload = webhookPayload(rule, alert, c, opts.publicUrl)
      out.push({
        channel: 'webhook',
        target: String(id),
        payload,
        notBefore,
        alertId: alert.id,
        dedupeKey: `alert:${alert.id}:webhook:${id}`,
      })
    }
    await enqueueOutbox(trx, out, opts.now)
    return alert
  })
}

function webhookPayload(rule: RuleWithWatchlist, alert: AlertRow, c: AlertCandidate, publicUrl: string) {
  return {
    event: 'alert.created',
    alert: {
      id: alert.id,
      level: alert.level,
      day: alert.day,
      created_at: alert.created_at,
      title: alert.title,
      body: alert.body,
      bullets: c.bullets,
      url: absoluteLink(publicUrl, alert.link),
    },
    rule: { id: rule.id, kind: rule.kind },
    watchlist: { id: rule.watchlist.id, name: rule.watchlist.name, query: rule.watchlist.query },
  }
}
