import type { RdfFeed, RssFeed } from 'feedsmith'
import {
  absoluteUrl,
  dateIso,
  finishEntry,
  firstOf,
  mediaImage,
  text,
  textOrNull,
  uniqueStrings,
} from './entry-fields.js'
import type { AdaptContext, FeedEntry } from './feed-types.js'

type RssItem = RssFeed.Item<string>
type RdfItem = RdfFeed.Item<string>

const URLISH = /^https?:\/\//i

/** RSS 0.9x/2.0 item → FeedEntry. A permalink guid stands in for a missing <link>. */
export function adaptRssItem(item: RssItem, ctx: AdaptContext): FeedEntry | null {
  const guid = item.guid?.value ?? null
  const guidLink = guid && item.guid?.isPermaLink !== false && URLISH.test(guid) ? guid : null
  const atomLink = item.atom?.links?.find((l) => !l.rel || l.rel === 'alternate')?.href
  const enclosureImage = item.enclosures?.find((e) => e.url && (e.type ?? '').startsWith('image/'))?.url
  const published = firstOf(
    item.pubDate,
    item.dc?.dates?.[0],
    item.dcterms?.created?.[0],
    item.dcterms?.issued?.[0],
  )
  return finishEntry(
    {
      link: firstOf(item.link, guidLink, atomLink ?? null),
      guid,
      title: text(item.title ?? item.dc?.titles?.[0]),
      summary: textOrNull(item.description),
      contentHtml: item.content?.encoded ?? null,
      author: firstOf(item.dc?.creators?.[0], item.authors?.[0]?.name, item.authors?.[0]?.email),
      publishedAt: dateIso(published, ctx),
      updatedAt: dateIso(firstOf(item.dcterms?.modified?.[0], item.atom?.updated), ctx),
      categories: uniqueStrings([
        ...(item.categories ?? []).map((c) => c.name),
        ...(item.dc?.subjects ?? []),
      ]),
      image: firstOf(mediaImage(item.media), enclosureImage ?? null, item.itunes?.image ?? null),
      htmlForImage: [item.description, item.content?.encoded],
    },
    ctx,
  )
}

/** RSS 1.0 (RDF) item → FeedEntry. */
export function adaptRdfItem(item: RdfItem, ctx: AdaptContext): FeedEntry | null {
  const about = item.rdf?.about ?? null
  return finishEntry(
    {
      link: firstOf(item.link, about),
      guid: about,
      title: text(item.title ?? item.dc?.titles?.[0]),
      summary: textOrNull(item.description ?? item.dc?.descriptions?.[0]),
      contentHtml: item.content?.encoded ?? null,
      author: item.dc?.creators?.[0] ?? null,
      publishedAt: dateIso(firstOf(item.dc?.dates?.[0], item.dcterms?.created?.[0]), ctx),
      updatedAt: dateIso(item.dcterms?.modified?.[0], ctx),
      categories: uniqueStrings(item.dc?.subjects ?? []),
      image: mediaImage(item.media),
      htmlForImage: [item.description, item.content?.encoded],
    },
    ctx,
  )
}

export function rssSiteUrl(link: string | undefined, feedUrl: string): string | null {
  return absoluteUrl(link, feedUrl)
}
