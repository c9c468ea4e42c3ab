import type { MediaNs } from 'feedsmith'
import { parseDateIso } from '../dates/parse-date.js'
import type { AdaptContext, FeedEntry } from './feed-types.js'
import { firstImageSrc, htmlToText } from './html-text.js'

/** Shared field helpers for the format adapters. */

export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null
  try {
    const u = new URL(href.trim(), base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

export const text = (s: string | null | undefined): string => htmlToText(s)

export const textOrNull = (s: string | null | undefined): string | null => htmlToText(s) || null

export const firstOf = <T>(...values: (T | null | undefined | '')[]): T | null => {
  for (const v of values) if (v !== null && v !== undefined && v !== '') return v as T
  return null
}

export const dateIso = (raw: string | null | undefined, ctx: AdaptContext) =>
  parseDateIso(raw, { now: ctx.now })

const isImage = (type?: string, medium?: string) => medium === 'image' || (type ?? '').startsWith('image/')

/** Lead image from Media RSS: image contents first, then thumbnails, then media:group. */
export function mediaImage(media: MediaNs.ItemOrFeed | undefined): string | null {
  if (!media) return null
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])]
  const image = contents.find((c) => c.url && isImage(c.type, c.medium))
  if (image?.url) return image.url
  const thumbs = [...(media.thumbnails ?? []), ...contents.flatMap((c) => c.thumbnails ?? [])]
  return thumbs.find((t) => t.url)?.url ?? null
}

export function uniqueStrings(values: (string | null | undefined)[]): string[] {
  const out = new Set<string>()
  for (const v of values) {
    const t = text(v)
    if (t) out.add(t)
  }
  return [...out]
}

/** The last step of every adapter: resolve links, pick the image, drop items without a usable link. */
export function finishEntry(
  raw: Omit<FeedEntry, 'url' | 'guid' | 'imageUrl'> & {
    link: string | null
    guid: string | null
    image: string | null
    htmlForImage: (string | null | undefined)[]
  },
  ctx: AdaptContext,
): FeedEntry | null {
  const url = absoluteUrl(raw.link, ctx.base)
  if (!url) return null
  const inline = raw.htmlForImage.map((h) => firstImageSrc(h)).find((s) => s)
  return {
    guid: raw.guid?.trim() || url,
    url,
    title: raw.title,
    summary: raw.summary,
    contentHtml: raw.contentHtml,
    author: raw.author,
    publishedAt: raw.publishedAt,
    updatedAt: raw.updatedAt,
    categories: raw.categories,
    imageUrl: absoluteUrl(raw.image ?? inline, url),
  }
}
