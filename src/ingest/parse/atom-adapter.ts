import type { AtomFeed } from 'feedsmith'
import { dateIso, finishEntry, firstOf, mediaImage, text, textOrNull, uniqueStrings } from './entry-fields.js'
import type { AdaptContext, FeedEntry } from './feed-types.js'

type Entry = AtomFeed.Entry<string>
type Link = AtomFeed.Link<string>

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Atom text constructs: `html`/`xhtml` carry markup, `text` (the default) does not. */
function textConstruct(t: { value?: string; type?: string } | undefined): string {
  if (!t?.value) return ''
  return t.type === 'html' || t.type === 'xhtml' ? text(t.value) : t.value.replace(/\s+/g, ' ').trim()
}

function contentHtml(c: AtomFeed.Content | undefined): string | null {
  if (!c?.value) return null
  if (c.type === 'html' || c.type === 'xhtml' || c.type === undefined) return c.value
  if (c.type === 'text') return `<p>${escapeHtml(c.value)}</p>`
  return null // other media types (base64 data, out-of-line src) are not article text
}

/** The human page of an entry: rel=alternate (or no rel), HTML preferred. */
export function alternateLink(links: Link[] | undefined): string | null {
  const alternates = (links ?? []).filter((l) => l.href && (!l.rel || l.rel === 'alternate'))
  return (alternates.find((l) => !l.type || l.type.includes('html')) ?? alternates[0])?.href ?? null
}

export function adaptAtomEntry(entry: Entry, ctx: AdaptContext): FeedEntry | null {
  const enclosure = entry.links?.find(
    (l) => l.rel === 'enclosure' && (l.type ?? '').startsWith('image/'),
  )?.href
  const content = contentHtml(entry.content)
  return finishEntry(
    {
      link: firstOf(alternateLink(entry.links), /^https?:/i.test(entry.id ?? '') ? entry.id : null),
      guid: entry.id ?? null,
      title: textConstruct(entry.title),
      summary: textOrNull(
        entry.summary?.type === 'text' ? escapeHtml(entry.summary.value) : entry.summary?.value,
      ),
      contentHtml: content,
      author: firstOf(entry.authors?.[0]?.name, entry.dc?.creators?.[0]),
      publishedAt: dateIso(firstOf(entry.published, entry.dc?.dates?.[0], entry.updated), ctx),
      updatedAt: dateIso(entry.updated, ctx),
      categories: uniqueStrings((entry.categories ?? []).map((c) => c.label ?? c.term)),
      image: firstOf(mediaImage(entry.media), enclosure ?? null),
      htmlForImage: [content, entry.summary?.value],
    },
    ctx,
  )
}

export const atomTitle = (t: AtomFeed.Text | undefined) => textConstruct(t)
