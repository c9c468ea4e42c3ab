import type { Generated } from 'kysely'

/**
 * The monitoring tables (migration 0400), added to the shared `Database` by module augmentation.
 * Same portable types as the rest of the schema: ISO-8601 UTC text timestamps, 0/1 booleans, JSON as text.
 */
export interface WatchlistsTable {
  id: Generated<number>
  name: string
  /** a saved search in the query language (`topic:sensitive.east_sea`, `place:vn:…`, words) */
  query: string
  /** null: the office's (everyone with the analyst role or above sees it) */
  owner_id: number | null
  shared: number
  /** shipped with the product (sensitive topics, the home locality) */
  is_default: number
  /** new matches are looked for after this instant; null until the first check */
  last_checked_at: string | null
  created_at: string
}

export type AlertRuleKind = 'new_match' | 'spike' | 'negative_share'

export interface AlertRulesTable {
  id: Generated<number>
  watchlist_id: number
  kind: AlertRuleKind
  /** spike: least observed/expected ratio; negative_share: share 0…1; new_match: unused */
  threshold: number | null
  /** `AlertChannels` as JSON */
  channels_json: string
  /** `HH:MM` in Asia/Ho_Chi_Minh; e-mail and webhooks wait until the end; null = none */
  quiet_hours_start: string | null
  quiet_hours_end: string | null
  /** 1: e-mail goes out once a day in the 07:00 digest instead of at once */
  digest: number
  enabled: number
  created_at: string
}

export type AlertLevel = 'watch' | 'alert'

export interface AlertsTable {
  id: Generated<number>
  rule_id: number
  /** one alert per rule and key (`2026-03-01:alert`, `new:1234`): re-evaluation never repeats it */
  dedupe_key: string
  /** the Viet Nam day it is about */
  day: string
  created_at: string
  title: string
  body: string
  /** explorer link, relative: `/explore?q=…` */
  link: string
  explanation_json: string
  level: AlertLevel
}

export interface NotificationsTable {
  id: Generated<number>
  user_id: number
  alert_id: number
  created_at: string
  read_at: string | null
}

export type OutboxChannel = 'email' | 'webhook'
export type OutboxStatus = 'pending' | 'sent' | 'failed'

export interface OutboxTable {
  id: Generated<number>
  channel: OutboxChannel
  /** e-mail address, or the webhook id as text */
  target: string
  payload_json: string
  status: OutboxStatus
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
  alert_id: number | null
  /** unique when set: one digest per user and day, one message per alert and target */
  dedupe_key: string | null
}

export interface WebhooksTable {
  id: Generated<number>
  name: string
  url: string
  /** HMAC-SHA256 key; shown once to whoever creates the webhook */
  secret: string
  enabled: number
  created_at: string
}

export interface WatchlistSeenTable {
  user_id: number
  watchlist_id: number
  last_seen_at: string
}

/** A user's e-mail choices (migration 0420); no row means both on. In-app notifications always arrive. */
export interface NotificationSettingsTable {
  user_id: number
  /** 1: alert e-mails from rules that send at once */
  alert_email: number
  /** 1: the 07:00 digest e-mail */
  digest_email: number
  updated_at: string
}

declare module '../db/schema.js' {
  interface Database {
    watchlists: WatchlistsTable
    alert_rules: AlertRulesTable
    alerts: AlertsTable
    notifications: NotificationsTable
    outbox: OutboxTable
    webhooks: WebhooksTable
    watchlist_seen: WatchlistSeenTable
    notification_settings: NotificationSettingsTable
  }
}
