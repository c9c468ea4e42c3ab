import { AppError } from '../../shared/errors.js'
import { normalizePercentEncoding } from './percent-encoding.js'
import {
  AMP_CACHE_HOST_SUFFIX,
  AMP_SEGMENT,
  DEFAULT_PAGES,
  EDITION_HOST_LABELS,
  TRACKING_PARAMS,
  TRACKING_PREFIXES,
  TRACKING_VALUES,
} from './url-rules.js'

/** Google AMP cache paths: `/c/s/<host>/<path>` (https origin), `/c/<host>/…` (http), `/v/`, `/i/`, `/wp/`. */
const AMP_CACHE_PATH = /^\/(?:c|v|i|wp)\/(s\/)?([^/?#]+)(\/[^?#]*)?$/
/** Google's AMP viewer: `https://www.google.com/amp/s/<host>/<path>`. */
const GOOGLE_AMP_PATH = /^\/amp\/(s\/)?([^/?#]+\.[^/?#]+)(\/[^?#]*)?$/
const GOOGLE_HOST = /^(?:www\.)?google\.[a-z.]+$/
/** `.amp` before the extension or at the end of the last segment: `x-123.amp`, `x-123.amp.html`. */
const AMP_SUFFIX = /\.amp(?=\.[A-Za-z0-9]+$|$)/i
const PLUS = /\+/g
const IPV4 = /^[0-9.]+$/

/**
 * The identity key of an article URL, so that the links a feed, a sitemap, a share and a search
 * engine give for one article compare equal. Not an address to fetch: keep the original URL for that.
 *
 * Rules, in order: unwrap the Google AMP cache and viewer; `https` for `http` (outlets serve both;
 * an explicit non-default port keeps the scheme); host in lower case and punycode (IDN), trailing dot
 * removed, edition labels `www.`, `m.`, `mobile.`, `amp.` removed from the front (the canonical host
 * is the bare one); user info, default port and fragment dropped; path with empty segments
 * (duplicate and trailing slashes), `amp` segments, a `.amp` suffix and a default page
 * (`index.html`, `index.php`…) removed, escapes normalised (see `normalizePercentEncoding`);
 * query without tracking parameters (`utm_*`, `fbclid`, `zarsrc`…, `amp`, `outputType=amp`),
 * the rest sorted by name (stable, so repeated names keep their order).
 *
 * @throws AppError `INPUT_INVALID` when the input is not an absolute http(s) URL.
 */
export function canonicalizeUrl(input: string): string {
  const url = unwrapAmpCache(parseHttpUrl(input))
  const scheme = url.protocol === 'http:' && url.port === '' ? 'https:' : url.protocol
  const port = url.port === '' ? '' : `:${url.port}`
  const query = canonicalQuery(url.search)
  return `${scheme}//${canonicalHost(url.hostname)}${port}${canonicalPath(url.pathname)}${query}`
}

function parseHttpUrl(input: string): URL {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch (cause) {
    throw new AppError('INPUT_INVALID', `not a URL: ${input.slice(0, 200)}`, { cause })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('INPUT_INVALID', `not an http(s) URL: ${input.slice(0, 200)}`)
  }
  return url
}

function unwrapAmpCache(url: URL): URL {
  const host = url.hostname
  const m = host.endsWith(AMP_CACHE_HOST_SUFFIX)
    ? AMP_CACHE_PATH.exec(url.pathname)
    : GOOGLE_HOST.test(host)
      ? GOOGLE_AMP_PATH.exec(url.pathname)
      : null
  if (m === null) return url
  const scheme = m[1] === undefined ? 'http' : 'https' // `/s/` marks an https origin
  try {
    return parseHttpUrl(`${scheme}://${m[2]}${m[3] ?? '/'}${url.search}`)
  } catch {
    return url // a cache URL naming no valid origin is kept as it is
  }
}

function canonicalHost(hostname: string): string {
  let host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname
  if (host.startsWith('[') || IPV4.test(host)) return host // IP literal
  for (;;) {
    const dot = host.indexOf('.')
    const rest = host.slice(dot + 1)
    if (dot < 0 || !EDITION_HOST_LABELS.has(host.slice(0, dot)) || !rest.includes('.')) return host
    host = rest
  }
}

function canonicalPath(pathname: string): string {
  const segments = pathname
    .split('/')
    .filter((s) => s !== '' && s.toLowerCase() !== AMP_SEGMENT)
    .map(normalizePercentEncoding)
  const last = segments.length - 1
  if (last >= 0) {
    segments[last] = segments[last]!.replace(AMP_SUFFIX, '')
    if (segments[last] === '' || DEFAULT_PAGES.has(segments[last]!.toLowerCase())) segments.pop()
  }
  return `/${segments.join('/')}`
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return ''
  const kept: { name: string; text: string }[] = []
  for (const piece of search.slice(1).split('&')) {
    if (piece === '') continue
    const eq = piece.indexOf('=')
    const rawName = eq < 0 ? piece : piece.slice(0, eq)
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1)
    if (isTracking(decodeParam(rawName).toLowerCase(), decodeParam(rawValue).toLowerCase())) continue
    const name = normalizePercentEncoding(rawName)
    kept.push({ name, text: eq < 0 ? name : `${name}=${normalizePercentEncoding(rawValue)}` })
  }
  if (kept.length === 0) return ''
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return `?${kept.map((p) => p.text).join('&')}`
}

function isTracking(name: string, value: string): boolean {
  if (TRACKING_PARAMS.has(name)) return true
  if (TRACKING_PREFIXES.some((p) => name.startsWith(p))) return true
  return TRACKING_VALUES.get(name) === value
}

function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s.replace(PLUS, ' '))
  } catch {
    return s
  }
}
