/** An e-mail ready for the mailer: plain text and simple HTML saying the same thing. */
export interface EmailContent {
  subject: string
  text: string
  html: string
}

export interface EmailAlert {
  title: string
  body: string
  bullets: readonly string[]
  /** relative explorer link */
  link: string
  level: 'watch' | 'alert'
}

const SUBJECT_PREFIX = '[Hải Đăng]'
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const HTML_SPECIAL = /[&<>"']/g
/** Header injection: a subject is one line. */
const LINE_BREAKS = /[\r\n]+/g

export const escapeHtml = (s: string) => s.replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c]!)

/** Joins the public base URL and a relative link without doubling or dropping the slash. */
export const absoluteLink = (publicUrl: string, link: string) => `${publicUrl.replace(/\/+$/, '')}${link}`

const levelLabel = (level: EmailAlert['level']) => (level === 'alert' ? 'Cảnh báo' : 'Cần theo dõi')

function textBlock(a: EmailAlert, publicUrl: string): string {
  const lines = [`${levelLabel(a.level)}: ${a.title}`, '', a.body]
  if (a.bullets.length) lines.push('', ...a.bullets.map((b) => `  • ${b}`))
  lines.push('', `Xem chi tiết: ${absoluteLink(publicUrl, a.link)}`)
  return lines.join('\n')
}

function htmlBlock(a: EmailAlert, publicUrl: string): string {
  const bullets = a.bullets.length
    ? `<ul>${a.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`
    : ''
  const href = escapeHtml(absoluteLink(publicUrl, a.link))
  return (
    `<h2 style="font-size:18px">${escapeHtml(levelLabel(a.level))}: ${escapeHtml(a.title)}</h2>` +
    `<p>${escapeHtml(a.body)}</p>${bullets}<p><a href="${href}">Xem chi tiết trong trang khám phá</a></p>`
  )
}

const page = (inner: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">${inner}` +
  '<p style="color:#666;font-size:12px">Thư tự động từ Hải Đăng. Đổi cách nhận cảnh báo trong mục Theo dõi.</p></body></html>'

/** One alert as an e-mail (Vietnamese); everything from the data is escaped in the HTML part. */
export function renderAlertEmail(a: EmailAlert, publicUrl: string): EmailContent {
  return {
    subject: `${SUBJECT_PREFIX} ${a.title}`.replace(LINE_BREAKS, ' '),
    text: `${textBlock(a, publicUrl)}\n`,
    html: page(htmlBlock(a, publicUrl)),
  }
}

/** The daily digest: every alert of digest-mode rules from the last period, oldest first. */
export function renderDigestEmail(
  alerts: readonly EmailAlert[],
  day: string,
  publicUrl: string,
): EmailContent {
  const subject = `${SUBJECT_PREFIX} Bản tin cảnh báo ngày ${day}: ${alerts.length} cảnh báo`
  return {
    subject: subject.replace(LINE_BREAKS, ' '),
    text: `${alerts.map((a) => textBlock(a, publicUrl)).join('\n\n----\n\n')}\n`,
    html: page(
      `<h1 style="font-size:20px">${escapeHtml(subject)}</h1>${alerts.map((a) => htmlBlock(a, publicUrl)).join('<hr>')}`,
    ),
  }
}
