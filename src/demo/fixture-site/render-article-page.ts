import { bodyHtml, imagePath } from './article-html.js'
import { escapeHtml as h, jsonForScript } from './escape.js'
import { dateLine, isoVn, viUpdatedLine } from './outlet-dates.js'
import { layoutOf, type PageLayout } from './page-layouts.js'
import { renderShell } from './page-shell.js'
import { commentsFor } from './sample-comments.js'
import type { SiteArticle, SiteOutlet } from './site-model.js'
import { slugify } from './slugify.js'

/** How many items the related box and the sidebar list. */
const RELATED_ITEMS = 5
const SIDEBAR_ITEMS = 5
const HOUR_MS = 3_600_000

export interface PageContext {
  outlet: SiteOutlet
  baseUrl: string
  now: Date
  feed?: { href: string; type: string }
}

/** Same-outlet articles sharing a topic, newest first; the newest others if none do. */
function related(o: SiteOutlet, a: SiteArticle): SiteArticle[] {
  const others = o.articles.filter((b) => b.id !== a.id)
  const near = others.filter((b) => b.topics.some((t) => a.topics.includes(t)))
  return (near.length > 0 ? near : others).slice(0, RELATED_ITEMS)
}

function headMeta(a: SiteArticle, c: PageContext, l: PageLayout): string {
  const o = c.outlet
  const meta = [
    `<meta name="description" content="${h(a.lead)}">`,
    `<link rel="canonical" href="${h(a.url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${h(o.def.name)}">`,
    `<meta property="og:title" content="${h(a.title)}">`,
    `<meta property="og:description" content="${h(a.lead)}">`,
    `<meta property="og:url" content="${h(a.url)}">`,
    `<meta property="og:locale" content="${a.lang === 'vi' ? 'vi_VN' : 'en_US'}">`,
  ]
  if (a.figure)
    meta.push(`<meta property="og:image" content="${h(c.baseUrl + imagePath(a, o.def.pathPrefix))}">`)
  if (l.ogDates) {
    meta.push(`<meta property="article:published_time" content="${isoVn(a.publishedAt)}">`)
    meta.push(`<meta property="article:modified_time" content="${isoVn(a.modifiedAt)}">`)
    meta.push(`<meta property="article:section" content="${h(a.section)}">`)
  }
  if (l.jsonLd) meta.push(`<script type="application/ld+json">${jsonForScript(newsArticleLd(a, c))}</script>`)
  return meta.join('\n')
}

function newsArticleLd(a: SiteArticle, c: PageContext) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.lead,
    datePublished: isoVn(a.publishedAt),
    dateModified: isoVn(a.modifiedAt),
    author: { '@type': 'Person', name: a.author },
    publisher: { '@type': 'Organization', name: c.outlet.def.name },
    mainEntityOfPage: a.url,
    inLanguage: a.lang,
    articleSection: a.section,
    ...(a.figure ? { image: [c.baseUrl + imagePath(a, c.outlet.def.pathPrefix)] } : {}),
  }
}

function figureHtml(a: SiteArticle, c: PageContext): string {
  if (!a.figure) return ''
  const src = c.baseUrl + imagePath(a, c.outlet.def.pathPrefix)
  return `\n<figure class="tplCaption"><img src="${h(src)}" alt="${h(a.figure)}" width="680" height="453" loading="lazy"><figcaption>${h(a.figure)}</figcaption></figure>`
}

function datesHtml(a: SiteArticle, c: PageContext, l: PageLayout): string {
  const updated =
    c.outlet.def.dateStyle === 'dash-time' && a.updatedAfterHours
      ? ` <span class="updated">${h(viUpdatedLine(a.modifiedAt))}</span>`
      : ''
  return `<span class="${l.classes.date}">${h(dateLine(c.outlet.def.dateStyle, a.publishedAt))}</span>${updated}`
}

function relatedHtml(a: SiteArticle, c: PageContext, l: PageLayout): string {
  const items = related(c.outlet, a)
    .map((b) => {
      const when = l.portal
        ? ` <span class="date">(${h(dateLine('dash-time', b.publishedAt).slice(0, 10))})</span>`
        : ''
      return `<li><a href="${h(b.url)}">${h(b.title)}</a>${when}</li>`
    })
    .join('\n')
  return `<section class="related-news box-${l.portal ? 'other' : 'related'}"><h3>${h(l.related)}</h3>\n<ul>\n${items}\n</ul></section>`
}

function commentsHtml(a: SiteArticle, c: PageContext, l: PageLayout): string {
  if (!l.comments) return ''
  const list = commentsFor(a.num, a.lang)
    .map((m, i) => {
      const at = new Date(Math.min(c.now.getTime(), a.publishedAt.getTime() + (i + 1) * 2 * HOUR_MS))
      return `<div class="comment-item"><b class="comment-name">${h(m.name)}</b><p class="comment-text">${h(m.text)}</p><span class="comment-time">${h(dateLine(a.lang === 'vi' ? 'dash-time' : 'en-long', at))}</span></div>`
    })
    .join('\n')
  const form = `<form class="comment-form" action="${h(c.outlet.base)}/binh-luan" method="post"><textarea name="content"></textarea><button type="submit">${a.lang === 'vi' ? 'Gửi bình luận' : 'Post comment'}</button></form>`
  return `<section class="comments" id="comments"><h3>${h(l.comments)} (${commentsFor(a.num, a.lang).length})</h3>\n${list}\n${form}</section>`
}

function shareHtml(a: SiteArticle): string {
  const u = encodeURIComponent(a.url)
  return `<div class="share-bar"><a class="fb" href="https://www.facebook.com/sharer/sharer.php?u=${u}">Facebook</a> <a class="zalo" href="https://sp.zalo.me/share?url=${u}">Zalo</a> <a class="email" href="mailto:?subject=${encodeURIComponent(a.title)}&amp;body=${u}">Email</a> <a class="print" href="#print">${a.lang === 'vi' ? 'In bài' : 'Print'}</a></div>`
}

function sidebarHtml(a: SiteArticle, c: PageContext, l: PageLayout): string {
  const items = c.outlet.articles
    .filter((b) => b.id !== a.id)
    .slice(0, SIDEBAR_ITEMS)
    .map((b) => `<li><a href="${h(b.url)}">${h(b.title)}</a></li>`)
    .join('\n')
  return `<div class="box-most-read"><h3>${h(l.mostRead)}</h3><ol>\n${items}\n</ol></div>\n<div class="ad-slot">Quảng cáo</div>`
}

/** A realistic article page in the outlet's own template. */
export function renderArticlePage(a: SiteArticle, c: PageContext): string {
  const l = layoutOf(c.outlet.def)
  const k = l.classes
  const crumb = `<div class="breadcrumb"><a href="${h(c.outlet.base)}/">${h(l.home)}</a> › <a href="${h(`${c.outlet.base}/${slugify(a.section)}`)}">${h(a.section)}</a></div>`
  const byline = a.lang === 'en' && !l.portal ? `By ${a.author}` : a.author
  const title = `<h1 class="${k.title}">${h(a.title)}</h1>`
  const dates = datesHtml(a, c, l)
  const top = l.portal
    ? `<div class="news-meta">${dates}</div>\n${title}`
    : `${title}\n<div class="meta">${dates}</div>`
  const article = `<article class="${k.article}">
${top}
<p class="${k.sapo}">${h(a.lead)}</p>
<div class="${k.body}">
${bodyHtml(a, figureHtml(a, c))}
</div>
<p class="${k.author}"><strong>${h(byline)}</strong></p>
</article>`
  const main = [crumb, article, shareHtml(a), relatedHtml(a, c, l), commentsHtml(a, c, l)].join('\n')
  return renderShell({
    outlet: c.outlet,
    layout: l,
    title: `${h(a.title)} - ${h(c.outlet.def.name)}`,
    head: headMeta(a, c, l),
    main,
    aside: sidebarHtml(a, c, l),
    now: c.now,
    ...(c.feed ? { feed: c.feed } : {}),
  })
}
