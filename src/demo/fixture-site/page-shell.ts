import { escapeHtml as h } from './escape.js'
import type { PageLayout } from './page-layouts.js'
import type { SiteOutlet } from './site-model.js'
import { slugify } from './slugify.js'

/** Search pages exist on every outlet and are disallowed in robots.txt, as on real news sites. */
export const searchPath = (lang: 'vi' | 'en') => (lang === 'vi' ? '/tim-kiem' : '/search')

/** Footers say plainly that the outlet is made up. */
const FOOTER_NOTE = {
  vi: 'Ấn phẩm hư cấu dùng cho dữ liệu mẫu của Hải Đăng.',
  en: 'A fictional outlet for the Hải Đăng demo data.',
  government: 'Cơ quan chủ quản: UBND tỉnh Đắk Lắk (bản mẫu hư cấu, dùng cho dữ liệu mẫu của Hải Đăng).',
}

export interface ShellInput {
  outlet: SiteOutlet
  layout: PageLayout
  /** already-escaped `<title>` text */
  title: string
  /** extra head markup (already escaped) */
  head: string
  /** main column markup */
  main: string
  /** sidebar markup */
  aside: string
  /** feed to announce with `<link rel="alternate">` */
  feed?: { href: string; type: string }
  /** the site's clock (the footer's year) */
  now: Date
}

/** The chrome every page of an outlet shares: head, header with nav, sidebar, footer. */
export function renderShell(s: ShellInput): string {
  const o = s.outlet
  const nav = s.layout.nav
    .map((n) => `<li><a href="${h(`${o.base}/${slugify(n)}`)}">${h(n)}</a></li>`)
    .join('')
  const alt = s.feed
    ? `<link rel="alternate" type="${h(s.feed.type)}" title="${h(o.def.name)}" href="${h(s.feed.href)}">\n`
    : ''
  const year = s.now.getUTCFullYear()
  return `<!DOCTYPE html>
<html lang="${o.def.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.title}</title>
${alt}${s.head}
<link rel="stylesheet" href="${h(o.base)}/static/site.css">
</head>
<body>
<header class="site-header">
<div class="top-bar"><span class="host">${h(o.def.host)}</span> <a href="${h(o.base + searchPath(o.def.lang))}" class="search">${o.def.lang === 'vi' ? 'Tìm kiếm' : 'Search'}</a></div>
<a class="logo" href="${h(o.base)}/">${h(o.def.name)}</a>
<p class="tagline">${h(o.def.tagline)}</p>
<nav class="main-nav"><ul><li><a href="${h(o.base)}/">${h(s.layout.home)}</a></li>${nav}</ul></nav>
</header>
<div class="container">
<main class="main-column">
${s.main}
</main>
<aside class="sidebar">
${s.aside}
</aside>
</div>
<footer class="site-footer">
<p>© ${year} ${h(o.def.name)}. ${FOOTER_NOTE[o.def.kind === 'government' ? 'government' : o.def.lang]}</p>
<p><a href="${h(o.base)}/gioi-thieu">${o.def.lang === 'vi' ? 'Giới thiệu' : 'About'}</a> · <a href="${h(o.base)}/lien-he">${o.def.lang === 'vi' ? 'Liên hệ' : 'Contact'}</a></p>
</footer>
</body>
</html>
`
}
