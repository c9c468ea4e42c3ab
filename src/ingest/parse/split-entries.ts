/**
 * A cheap textual cut of an XML feed into head / entries / closing tags, without parsing it.
 * Used only off the happy path: to recover items from broken XML one by one, to close a truncated
 * feed, and to pick the newest items of a huge feed before handing them to the real parser.
 */
export interface EntrySplit {
  /** root element name as written (`rss`, `feed`, `rdf:RDF`) */
  root: string
  /** everything before the first entry (channel metadata) */
  head: string
  /** complete `<item>…</item>` / `<entry>…</entry>` elements, in document order */
  entries: string[]
  /** an entry was opened but never closed */
  cutEntry: boolean
  /** closing tags that make `head + entries + closers` a complete document */
  closers: string
}

const PROLOG =
  /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z_][\w.-]*(?::[\w.-]+)?)/
const CDATA_START = '<![CDATA['

/** The name of the document's root element, skipping the prolog, or null. */
export function rootElement(text: string): string | null {
  return PROLOG.exec(text.slice(0, 64 * 1024))?.[1] ?? null
}

/** `item` for RSS/RDF, `entry` for Atom; null for other roots. */
export function entryTagFor(root: string): 'item' | 'entry' | null {
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root
  if (local === 'rss' || local === 'RDF') return 'item'
  if (local === 'feed') return 'entry'
  return null
}

/**
 * Finds `needle` at or after `from`, skipping CDATA sections (article HTML lives there). The next CDATA
 * position is remembered between calls: searching for it afresh each time made a 100k-item feed quadratic.
 */
function cdataAwareFinder(text: string) {
  let nextCdata = -2
  return (needle: string, from: number): number => {
    let pos = from
    for (;;) {
      if (nextCdata !== -1 && nextCdata < pos) nextCdata = text.indexOf(CDATA_START, pos)
      const hit = text.indexOf(needle, pos)
      if (hit === -1 || nextCdata === -1 || hit < nextCdata) return hit
      const cdataEnd = text.indexOf(']]>', nextCdata)
      if (cdataEnd === -1) return -1
      pos = cdataEnd + 3
    }
  }
}

export function splitEntries(text: string): EntrySplit | null {
  const root = rootElement(text)
  const tag = root && entryTagFor(root)
  if (!root || !tag) return null
  const start = new RegExp(`<((?:[\\w.-]+:)?${tag})[\\s>/]`, 'g')
  const first = start.exec(text)
  if (!first) return { root, head: text, entries: [], cutEntry: false, closers: closersFor(root, text) }
  const head = text.slice(0, first.index)
  const entries: string[] = []
  const find = cdataAwareFinder(text)
  let cutEntry = false
  let m: RegExpExecArray | null = first
  while (m) {
    const close = `</${m[1]}>`
    const end = find(close, m.index + m[0].length)
    if (end === -1) {
      cutEntry = true
      break
    }
    entries.push(text.slice(m.index, end + close.length))
    start.lastIndex = end + close.length
    m = start.exec(text)
  }
  return { root, head, entries, cutEntry, closers: closersFor(root, head) }
}

function closersFor(root: string, head: string): string {
  // RSS 2.0 items live inside <channel>; RSS 1.0 items are siblings of a closed <channel>
  const openChannel = /<channel[\s>]/.test(head) && !head.includes('</channel>')
  return `${openChannel ? '</channel>' : ''}</${root}>`
}

/** True when the document does not end with its root's closing tag (cut off in transit). */
export function looksTruncated(text: string, root: string): boolean {
  return !new RegExp(`</${root.replace('.', '\\.')}>\\s*$`).test(text.slice(-4096))
}
