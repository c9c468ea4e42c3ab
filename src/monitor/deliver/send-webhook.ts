import { createHmac } from 'node:crypto'
import { isIP } from 'node:net'
import { Agent, buildConnector, fetch } from 'undici'
import {
  blockedError,
  guardedLookup,
  isAllowedHostPort,
  isBlockedAddress,
  parseAllowList,
} from '../../ingest/fetch/address-guard.js'
import { AppError } from '../../shared/errors.js'

export const SIGNATURE_HEADER = 'X-HaiDang-Signature'
export const TIMESTAMP_HEADER = 'X-HaiDang-Timestamp'
export const DELIVERY_HEADER = 'X-HaiDang-Delivery'

/** A receiver answers a webhook at once and does its work later; 10 s covers a slow one. */
const WEBHOOK_TIMEOUT_MS = 10_000
/** What is read of a response body: enough for an error message in the outbox. */
const MAX_RESPONSE_CHARS = 500

export interface WebhookClient {
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }>
  close(): Promise<void>
}

/**
 * POSTs through an undici agent whose connector applies the SSRF guard: every resolved address
 * (and every IP literal) must be public unicast unless the allow list names it. Checking in the
 * connector, not before the request, leaves no gap for a name that resolves differently twice.
 */
export function createWebhookClient(
  opts: { allowPrivate?: readonly string[]; timeoutMs?: number } = {},
): WebhookClient {
  const allow = parseAllowList(opts.allowPrivate)
  const timeout = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  const guarded = buildConnector({ timeout, lookup: guardedLookup(allow) })
  const trusted = buildConnector({ timeout })
  const agent = new Agent({
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connect: (o, cb) => {
      const host = o.hostname.replace(/^\[|\]$/g, '')
      const port = o.port || (o.protocol === 'https:' ? '443' : '80')
      if (isAllowedHostPort(host, port, allow)) return trusted(o, cb)
      if (isIP(host) && isBlockedAddress(host, allow)) return cb(blockedError(host, host), null)
      return guarded(o, cb)
    },
  })
  return {
    async post(url, body, headers) {
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers,
        dispatcher: agent,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      })
      const text = (await res.text().catch(() => '')).slice(0, MAX_RESPONSE_CHARS)
      return { status: res.status, text }
    },
    close: () => agent.close(),
  }
}

/** `sha256=<hex>` of HMAC-SHA256(secret, body): what a receiver recomputes over the raw body. */
export const signWebhookBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

const HTTP_URL = /^https?:\/\//i

/**
 * Sends one signed webhook. The body is the JSON of `payload`; the signature header covers exactly
 * those bytes; a timestamp header lets receivers refuse old replays. Throws unless the receiver
 * answers 2xx (redirects are not followed: a webhook URL that moved must be edited).
 */
export async function sendWebhook(
  url: string,
  secret: string,
  payload: unknown,
  client: WebhookClient,
  opts: { deliveryId?: string; now?: Date } = {},
): Promise<void> {
  if (!HTTP_URL.test(url)) throw new AppError('INPUT_INVALID', `webhook URL must be http(s): ${url}`)
  const body = JSON.stringify(payload)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'HaiDang-Webhook/1',
    [SIGNATURE_HEADER]: signWebhookBody(secret, body),
    [TIMESTAMP_HEADER]: String(Math.floor((opts.now ?? new Date()).getTime() / 1000)),
  }
  if (opts.deliveryId) headers[DELIVERY_HEADER] = opts.deliveryId
  let res: { status: number; text: string }
  try {
    res = await client.post(url, body, headers)
  } catch (err) {
    throw webhookError(err, url)
  }
  if (res.status < 200 || res.status >= 300) {
    throw new AppError('FETCH_FAILED', `webhook answered HTTP ${res.status}: ${res.text}`, {
      details: { status: res.status },
    })
  }
}

/** undici wraps connector errors in `fetch failed`; the cause says what happened. */
function webhookError(err: unknown, url: string): Error {
  const cause = (err as { cause?: unknown }).cause
  if (cause instanceof AppError) return cause
  if ((err as Error).name === 'TimeoutError')
    return new AppError('FETCH_TIMEOUT', `webhook timed out: ${url}`, { cause: err })
  const message = cause instanceof Error ? cause.message : (err as Error).message
  return new AppError('FETCH_FAILED', `webhook failed: ${message}`, { cause: err })
}
