import { escapeHtml as h } from './escape.js'
import { dateLine, isoVn } from './outlet-dates.js'
import { layoutOf } from './page-layouts.js'
import { renderShell } from './page-shell.js'
import type { SiteArticle, SiteOutlet } from './site-model.js'

/** Items on an outlet's homepage. */
const HOME_ITEMS = 20
/** Items per listing page: small enough that the listing-only outlet has a second page. */
export const LISTING_PAGE_SIZE = 8
/** The CSS selector that picks article links on the listing pages (and nothing else). */
export const LISTING_SELECTOR = '.story-list a.headline'

export const listingPath = (o: SiteOutlet, page: number) =>
  page <= 1 ? `${o.def.pathPrefix}/latest/` : `${o.def.pathPrefix}/latest/page/${page}/`

export const listingPages = (o: SiteOutlet) => Math.max(1, Math.ceil(o.articles.length / LISTING_PAGE_SIZE))

type Feed = { href: string; type: string }

function teaser(a: SiteArticle, o: SiteOutlet): string {
  const when = dateLine(o.def.dateStyle, a.publishedAt)
  return `<div class="item-news"><h3 class="title-news"><a href="${h(a.url)}" title="${h(a.title)}">${h(a.title)}</a></h3><p class="description">${h(a.lead)}</p><span class="time">${h(when)}</span></div>`
}

function sidebar(o: SiteOutlet): string {
  const l = layoutOf(o.def)
  const top = o.articles
    .slice(0, 5)
    .map((a) => `<li><a href="${h(a.url)}">${h(a.title)}</a></li>`)
    .join('\n')
  return `<div class="box-most-read"><h3>${h(l.mostRead)}</h3><ol>\n${top}\n</ol></div>`
}

/** The outlet's front page: newest items, and `<link rel="alternate">` to its feed when it has one. */
export function renderHomePage(o: SiteOutlet, now: Date, feed?: Feed): string {
  const l = layoutOf(o.def)
  const items = o.articles.slice(0, HOME_ITEMS).map((a) => teaser(a, o))
  const more =
    o.def.delivery === 'listing'
      ? `\n<p class="more"><a href="${h(o.base)}/latest/">Latest stories</a></p>`
      : ''
  return renderShell({
    outlet: o,
    layout: l,
    title: `${h(o.def.name)} - ${h(o.def.tagline)}`,
    head: `<meta name="description" content="${h(o.def.tagline)}">\n<meta property="og:site_name" content="${h(o.def.name)}">`,
    main: `<section class="front-page">\n${items.join('\n')}\n</section>${more}`,
    aside: sidebar(o),
    now,
    ...(feed ? { feed } : {}),
  })
}

/** A page of the listing (newest first); links to the next page with `rel="next"`. */
export function renderListingPage(o: SiteOutlet, page: number, now: Date, baseUrl: string): string {
  const pages = listingPages(o)
  const items = o.articles
    .slice((page - 1) * LISTING_PAGE_SIZE, page * LISTING_PAGE_SIZE)
    .map(
      (a) =>
        `<li class="story"><a class="headline" href="${h(a.url)}">${h(a.title)}</a> <time datetime="${isoVn(a.publishedAt)}">${h(dateLine(o.def.dateStyle, a.publishedAt))}</time><p class="standfirst">${h(a.lead)}</p><span class="section">${h(a.section)}</span></li>`,
    )
    .join('\n')
  const prev =
    page > 1 ? `<a rel="prev" href="${h(baseUrl + listingPath(o, page - 1))}">Newer stories</a>` : ''
  const next =
    page < pages ? `<a rel="next" href="${h(baseUrl + listingPath(o, page + 1))}">Older stories</a>` : ''
  return renderShell({
    outlet: o,
    layout: layoutOf(o.def),
    title: `Latest stories${page > 1 ? ` - page ${page}` : ''} - ${h(o.def.name)}`,
    head: `<link rel="canonical" href="${h(baseUrl + listingPath(o, page))}">`,
    main: `<h1 class="page-title">Latest stories</h1>\n<ul class="story-list">\n${items}\n</ul>\n<nav class="pagination">${prev} <span class="page">Page ${page} of ${pages}</span> ${next}</nav>`,
    aside: sidebar(o),
    now,
  })
}

/** `/`: what the fixture site serves, for a person looking at it in a browser. */
export function renderRootIndex(outlets: SiteOutlet[]): string {
  const rows = outlets
    .map(
      (o) =>
        `<li><a href="${h(o.base)}/">${h(o.def.name)}</a> (${h(o.def.host)}, ${o.def.lang}, ${o.def.delivery}) — ${o.articles.length} bài</li>`,
    )
    .join('\n')
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Hải Đăng — trang báo mẫu</title></head>
<body><h1>Trang báo mẫu của Hải Đăng</h1><p>Các tờ báo hư cấu phục vụ dữ liệu mẫu.</p><ul>
${rows}
</ul></body></html>
`
}
