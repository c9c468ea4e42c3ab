import { type AnyFeed, MalformedError, parseFeed as feedsmithParse } from 'feedsmith'
import { AppError } from '../../shared/errors.js'
import { parseDate } from '../dates/parse-date.js'
import { type EntrySplit, entryTagFor, looksTruncated, rootElement, splitEntries } from './split-entries.js'

/**
 * Text → feedsmith's wire structure, with the recovery steps around it: huge feeds are cut to the
 * newest entries first; malformed or truncated XML is retried entry by entry so every readable item
 * survives. Each step that changes the input leaves a warning.
 */
export function readWireFeed(text: string, maxItems: number, now: Date, warnings: string[]): AnyFeed {
  const root = rootElement(text)
  const tag = root ? entryTagFor(root) : null
  if (!root || !tag) return parseOrFail(text)
  let source = text
  const count = countEntries(text, tag)
  if (count > maxItems) {
    source = newestOnly(splitEntries(text)!, maxItems, now)
    warnings.push(`feed has ${count} items; kept the newest ${maxItems}`)
  } else if (looksTruncated(text, root)) {
    warnings.push(`feed does not end with </${root}>: truncated in transit?`)
  }
  try {
    return feedsmithParse(source)
  } catch (err) {
    if (!(err instanceof MalformedError)) throw parseFailed(err)
    return recover(source, warnings)
  }
}

function parseOrFail(text: string): AnyFeed {
  try {
    return feedsmithParse(text)
  } catch (err) {
    throw parseFailed(err)
  }
}

function parseFailed(err: unknown): AppError {
  const name = err instanceof Error ? err.name : ''
  if (name === 'DetectError') {
    return new AppError('PARSE_FAILED', 'not a feed (unrecognised format)', {
      cause: err,
      details: { reason: 'not_a_feed' },
    })
  }
  return new AppError('PARSE_FAILED', `feed could not be parsed: ${(err as Error)?.message ?? err}`, {
    cause: err,
    details: { reason: name === 'SyntaxError' ? 'json' : 'xml' },
  })
}

const countEntries = (text: string, tag: string) =>
  text.match(new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s>/]`, 'g'))?.length ?? 0

/** First date-like element inside an entry; enough to rank entries without parsing them. */
const DATE_TAG =
  /<(?:[\w.-]+:)?(?:pubDate|date|published|updated|issued|created|modified)(?:\s[^>]*)?>\s*(?:<!\[CDATA\[)?\s*([^<\]]{4,80}?)\s*(?:\]\]>)?\s*<\//

function newestOnly(split: EntrySplit, maxItems: number, now: Date): string {
  const ranked = split.entries.map((xml, i) => {
    const raw = DATE_TAG.exec(xml)?.[1]
    return { xml, i, t: parseDate(raw, { now })?.getTime() ?? Number.NEGATIVE_INFINITY }
  })
  // newest first; undated entries keep their document position behind the dated ones
  ranked.sort((a, b) => b.t - a.t || a.i - b.i)
  const kept = ranked.slice(0, maxItems).sort((a, b) => a.i - b.i)
  return split.head + kept.map((k) => k.xml).join('') + split.closers
}

function recover(source: string, warnings: string[]): AnyFeed {
  const split = splitEntries(source)
  if (!split || split.entries.length === 0) {
    throw new AppError('PARSE_FAILED', 'malformed XML and no item could be recovered', {
      details: { reason: 'xml' },
    })
  }
  if (split.cutEntry) warnings.push('the last item was cut off and dropped')
  const tryParse = (head: string, entries: string[]) => {
    try {
      return feedsmithParse(head + entries.join('') + split.closers)
    } catch {
      return null
    }
  }
  const whole = tryParse(split.head, split.entries)
  if (whole) {
    warnings.push(`recovered ${split.entries.length} items from malformed XML`)
    return whole
  }
  let head = split.head
  let good = split.entries.filter((e) => tryParse(head, [e]))
  if (good.length === 0) {
    // the channel header itself is broken: keep only the root's opening tag (it declares the namespaces)
    head = syntheticHead(split)
    good = split.entries.filter((e) => tryParse(head, [e]))
    if (good.length > 0) warnings.push('feed header unreadable; title and site link lost')
  }
  const dropped = split.entries.length - good.length
  if (dropped > 0) warnings.push(`dropped ${dropped} malformed item${dropped === 1 ? '' : 's'}`)
  const parsed = good.length > 0 ? tryParse(head, good) : null
  if (!parsed) {
    throw new AppError('PARSE_FAILED', 'malformed XML and no item could be recovered', {
      details: { reason: 'xml' },
    })
  }
  return parsed
}

function syntheticHead(split: EntrySplit): string {
  const open = new RegExp(`<${split.root}(?:\\s[^>]*)?>`).exec(split.head)?.[0] ?? `<${split.root}>`
  return split.closers.startsWith('</channel>') ? `${open}<channel>` : open
}
