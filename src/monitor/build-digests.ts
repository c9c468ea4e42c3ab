import { vnDayKey } from '../shared/time.js'
import { type EmailAlert, renderDigestEmail } from './deliver/render-email.js'
import type { MonitorContext } from './monitor-context.js'
import { type Recipient, recipientsOf } from './recipients.js'
import { lastDigestWindow } from './schedule-times.js'
import { parseChannels } from './store/alert-rules.js'
import { digestAlerts } from './store/alerts.js'
import { enqueueOutbox } from './store/outbox.js'

/**
 * One digest e-mail per user for the period that ended at the last 07:00 (Viet Nam), gathering the
 * alerts of digest-mode rules with e-mail on. Idempotent: the outbox key `digest:<day>:<user>` is
 * unique, so every evaluation pass after 07:00 may call it. Returns the number of digests queued.
 */
export async function buildDigests(ctx: MonitorContext, now: Date): Promise<number> {
  const { from, to } = lastDigestWindow(now)
  const day = vnDayKey(to)
  const alerts = await digestAlerts(ctx.db, from.toISOString(), to.toISOString())
  const perUser = new Map<number, { user: Recipient; items: EmailAlert[] }>()
  const recipientsCache = new Map<string, Recipient[]>()
  for (const a of alerts) {
    if (!parseChannels(a.channels_json).email) continue
    const key = String(a.owner_id)
    const recipients = recipientsCache.get(key) ?? (await recipientsOf(ctx.db, { owner_id: a.owner_id }))
    recipientsCache.set(key, recipients)
    const item: EmailAlert = {
      title: a.title,
      body: a.body,
      link: a.link,
      level: a.level,
      bullets: bulletsOf(a.explanation_json),
    }
    for (const user of recipients.filter((r) => r.digestEmail)) {
      const entry = perUser.get(user.id) ?? { user, items: [] }
      entry.items.push(item)
      perUser.set(user.id, entry)
    }
  }
  const entries = [...perUser.values()].map(({ user, items }) => ({
    channel: 'email' as const,
    target: user.email,
    payload: renderDigestEmail(items, day, ctx.publicUrl),
    notBefore: now,
    dedupeKey: `digest:${day}:${user.id}`,
  }))
  await enqueueOutbox(ctx.db, entries, now)
  return entries.length
}

function bulletsOf(json: string): string[] {
  try {
    const b = (JSON.parse(json) as { bullets?: unknown }).bullets
    return Array.isArray(b) ? b.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}
