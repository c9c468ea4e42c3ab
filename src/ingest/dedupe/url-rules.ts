/**
 * The data behind `canonicalizeUrl`: which query parameters only track the reader, which host
 * prefixes only pick a mobile or AMP edition, which file names only name a directory's default page.
 */

/** Tracking parameters dropped by name (compared in lower case). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // ad-click identifiers (Facebook, Google Ads and DoubleClick, Microsoft Ads, Yandex, Instagram)
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'ttclid',
  'twclid',
  // newsletter and analytics tools (Mailchimp, Google Analytics cross-domain, HubSpot, Marketo)
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  // referrer and campaign markers common on news sites
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'fromtop',
  // Zalo (the main Vietnamese messenger) appends these when a link is shared in a chat
  'zarsrc',
  'gidzl',
  // AMP edition switches (the AMP page shows the same article)
  'amp',
])

/** Parameter-name prefixes that only carry campaign tracking (`utm_source`, `utm_medium`…). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_']

/** Parameters dropped only with a given value: `outputType=amp` selects the AMP edition. */
export const TRACKING_VALUES: ReadonlyMap<string, string> = new Map([['outputtype', 'amp']])

/**
 * Host labels that only select an edition of the same site. The canonical host is the one without
 * them: `m.`, `mobile.`, `amp.` and `www.` are removed (repeatedly: `www.m.` too), as long as a
 * registrable-looking name (two labels or more) remains, so `m.vn` is never turned into `vn`.
 */
export const EDITION_HOST_LABELS: ReadonlySet<string> = new Set(['www', 'm', 'mobile', 'amp'])

/** Last path segments that name a directory's default page: `/tin-tuc/index.html` = `/tin-tuc`. */
export const DEFAULT_PAGES: ReadonlySet<string> = new Set([
  'index.html',
  'index.htm',
  'index.shtml',
  'index.php',
  'default.aspx',
  'default.asp',
])

/** Path segment that selects the AMP edition: `/amp/tin-tuc/x.html`, `/tin-tuc/x/amp`. */
export const AMP_SEGMENT = 'amp'

/** Hosts of the Google AMP cache (`<site>.cdn.ampproject.org/c/s/<site>/<path>`). */
export const AMP_CACHE_HOST_SUFFIX = '.cdn.ampproject.org'
