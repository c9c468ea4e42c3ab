import type { JsonFeed } from 'feedsmith'
import { dateIso, finishEntry, firstOf, textOrNull, text, uniqueStrings } from './entry-fields.js'
import type { AdaptContext, FeedEntry } from './feed-types.js'

type Item = JsonFeed.Item<string>

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** JSON Feed 1.0/1.1 item → FeedEntry. `external_url` stands in when an item only points elsewhere. */
export function adaptJsonItem(item: Item, ctx: AdaptContext): FeedEntry | null {
  const imageAttachment = item.attachments?.find(
    (a) => a.url && (a.mime_type ?? '').startsWith('image/'),
  )?.url
  const textContent = item.content_text ? `<p>${escapeHtml(item.content_text)}</p>` : null
  return finishEntry(
    {
      link: firstOf(item.url, item.external_url),
      guid: item.id === undefined || item.id === null ? null : String(item.id),
      title: text(item.title),
      summary: textOrNull(firstOf(item.summary, item.content_text)),
      contentHtml: firstOf(item.content_html, textContent),
      author: item.authors?.[0]?.name ?? null,
      publishedAt: dateIso(item.date_published, ctx),
      updatedAt: dateIso(item.date_modified, ctx),
      categories: uniqueStrings(item.tags ?? []),
      image: firstOf(item.image, item.banner_image, imageAttachment ?? null),
      htmlForImage: [item.content_html],
    },
    ctx,
  )
}
