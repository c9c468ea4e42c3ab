import nodemailer from 'nodemailer'
import { AppError } from '../../shared/errors.js'
import type { EmailContent } from './render-email.js'

/** SMTP time limits: a healthy relay greets within a second or two; a hung one must not hold a worker. */
export const MAIL_TIMEOUTS = {
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  /** idle time on an open connection (a server that stops answering mid-dialogue) */
  socketTimeoutMs: 30_000,
} as const

export interface Mailer {
  send(to: string, content: EmailContent): Promise<void>
  close(): void
}

/**
 * An SMTP mailer (nodemailer) for `smtp://user:pass@host:587` or `smtps://…:465`. One connection per
 * message (no pool): alerts are few and a pool would hold a socket to the relay all day.
 */
export function createMailer(
  smtpUrl: string,
  from: string,
  timeouts: Partial<{ -readonly [K in keyof typeof MAIL_TIMEOUTS]: number }> = {},
): Mailer {
  const t = { ...MAIL_TIMEOUTS, ...timeouts }
  const transport = nodemailer.createTransport({
    ...smtpOptions(smtpUrl),
    connectionTimeout: t.connectionTimeoutMs,
    greetingTimeout: t.greetingTimeoutMs,
    socketTimeout: t.socketTimeoutMs,
  })
  return {
    async send(to, content) {
      await transport.sendMail({ from, to, subject: content.subject, text: content.text, html: content.html })
    },
    close: () => transport.close(),
  }
}

/**
 * `smtp[s]://[user[:pass]@]host[:port]` as transport options. Parsed here because nodemailer drops
 * the other transport options (the timeouts) when it is given a `url`.
 */
export function smtpOptions(smtpUrl: string) {
  const u = new URL(smtpUrl)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new AppError('CONFIG_INVALID', `not an smtp:// URL: ${u.protocol}`)
  const secure = u.protocol === 'smtps:'
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
  }
}
