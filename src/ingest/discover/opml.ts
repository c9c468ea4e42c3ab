import { generateOpml, type Opml, parseOpml as feedsmithParseOpml } from 'feedsmith'
import { AppError } from '../../shared/errors.js'

/** One subscription as OPML carries it. */
export interface OpmlSource {
  title: string
  xmlUrl: string
  htmlUrl: string | null
  /** the enclosing outline's text, or the `category` attribute; null at top level */
  category: string | null
}

type Outline = Opml.Outline<string>

/** OPML 1.0/2.0 → flat list of feeds; folders become `category`. Outlines without xmlUrl are folders. */
export function parseOpml(text: string): OpmlSource[] {
  let doc: Opml.Document<string>
  try {
    doc = feedsmithParseOpml(text)
  } catch (err) {
    throw new AppError('PARSE_FAILED', `not an OPML document: ${(err as Error).message}`, {
      cause: err,
      details: { reason: 'opml' },
    })
  }
  const out: OpmlSource[] = []
  const seen = new Set<string>()
  const walk = (outlines: Outline[] | undefined, folder: string | null) => {
    for (const o of outlines ?? []) {
      const label = (o.title ?? o.text ?? '').trim()
      if (o.xmlUrl && !seen.has(o.xmlUrl)) {
        seen.add(o.xmlUrl)
        const category = o.category?.split(',')[0]?.replace(/^\//, '').trim() || folder
        out.push({ title: label || o.xmlUrl, xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl ?? null, category })
      }
      walk(o.outlines, o.xmlUrl ? folder : label || folder)
    }
  }
  walk(doc.body?.outlines, null)
  return out
}

/** Sources → OPML 2.0, one folder per category, for export to any feed reader. */
export function writeOpml(
  sources: { title: string; xmlUrl: string; htmlUrl?: string | null; category?: string | null }[],
  opts: { title?: string; now?: Date } = {},
): string {
  const feed = (s: (typeof sources)[number]): Outline => ({
    text: s.title,
    title: s.title,
    type: 'rss',
    xmlUrl: s.xmlUrl,
    ...(s.htmlUrl ? { htmlUrl: s.htmlUrl } : {}),
  })
  const folders = new Map<string, Outline[]>()
  const top: Outline[] = []
  for (const s of sources) {
    if (!s.category) top.push(feed(s))
    else folders.set(s.category, [...(folders.get(s.category) ?? []), feed(s)])
  }
  const outlines = [
    ...[...folders].map(([text, children]) => ({ text, title: text, outlines: children })),
    ...top,
  ]
  return generateOpml({
    head: { title: opts.title ?? 'Hải Đăng sources', dateCreated: opts.now ?? new Date() },
    body: { outlines },
  })
}
