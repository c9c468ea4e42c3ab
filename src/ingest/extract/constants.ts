/**
 * Tuning constants and patterns for article extraction, in the spirit of Mozilla Readability: every
 * number is named and says why; regexes are compiled once here, never in loops.
 */

/** A result with less text than this is retried with looser rules (Readability's default, 500 chars). */
export const CHAR_THRESHOLD = 500
/** How many top-scoring candidates are compared to see whether a common ancestor holds the article. */
export const N_TOP_CANDIDATES = 5
/** At least this many near-top candidates sharing an ancestor make that ancestor the article. */
export const MIN_TOP_CANDIDATES = 3
/** A candidate scoring at least this share of the top score counts as "near-top". */
export const ALTERNATIVE_SCORE_RATIO = 0.75
/** Blocks shorter than this are captions, labels or buttons: they do not vote for their ancestors. */
export const MIN_SCORED_TEXT = 25
/** How far up a paragraph's score is spread (parent, grandparent and three more levels). */
export const SCORE_ANCESTOR_DEPTH = 5
/** Siblings of the article join it when they score at least this share of the top score… */
export const SIBLING_SCORE_RATIO = 0.2
/** …and at least this many points, so tiny articles do not pull in every sibling. */
export const SIBLING_MIN_SCORE = 10
/** A sibling paragraph longer than this (chars) with few links is article text. */
export const SIBLING_PARAGRAPH_CHARS = 80
/** Link density over which a block reads as navigation rather than prose. */
export const SIBLING_MAX_LINK_DENSITY = 0.25
/** Share elements and other small widgets shorter than this are removed from the article. */
export const SHARE_ELEMENT_MAX_CHARS = 500
/** Class/id weight step: one positive or negative word moves a block by this much. */
export const CLASS_WEIGHT = 25
/** Fewer commas than this mark a block as possibly non-prose in conditional cleaning. */
export const CLEAN_MIN_COMMAS = 10
/**
 * A final text shorter than this (chars) is no article. Kept tiny on purpose: a two-line notice is
 * still an article; what marks navigation is link density, below.
 */
export const MIN_ARTICLE_CHARS = 1
/** A final result whose text is more than this share of links is a link list, not an article. */
export const MAX_ARTICLE_LINK_DENSITY = 0.5
/** Inputs larger than this are cut before parsing so one hostile page cannot eat the worker's memory. */
export const MAX_INPUT_CHARS = 12_000_000

export const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre'])
export const DIV_TO_P_ELEMS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul'])
export const ALTER_TO_DIV_EXCEPTIONS = new Set(['div', 'article', 'section', 'p', 'ol', 'ul'])
export const PHRASING_ELEMS = new Set(
  'abbr audio b bdo br button cite code data datalist dfn em embed i img input kbd label mark math meter noscript object output progress q ruby samp script select small span strong sub sup textarea time var wbr font'.split(
    ' ',
  ),
)
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
])
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * Readability's class/id patterns, plus the class names Vietnamese news sites and portals use for
 * related news (tin-lien-quan, tin-khac, cung-chuyen-muc), comments (binh-luan, y-kien), ads (quang-cao)
 * and share bars (chia-se).
 */
export const RE = {
  unlikely:
    /-ad-|ai2html|banner|breadcrumb|duong-?dan|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|binh-?luan|tin-?lien-?quan|tinlienquan|tin-?khac|tinkhac|cung-?chuyen-?muc|quang-?cao|quangcao|chia-?se|y-?kien-?ban-?doc/i,
  okMaybe: /and|article|body|column|content|main|shadow|noi-?dung|chi-?tiet/i,
  positive:
    /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|noi-?dung|chi-?tiet|detail/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|lien-?quan|tin-?khac|binh-?luan|quang-?cao/i,
  byline: /byline|author|dateline|writtenby|p-author|tac-?gia/i,
  shareElements: /(\b|_)(share|sharedaddy|chia-?se)(\b|_)/i,
  videos:
    /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i,
  commas: /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g,
  hasContent: /\S$/,
  whitespace: /^\s*$/,
  adWords: /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|quảng cáo)$/iu,
  loadingWords: /^((loading|正在加载|Загрузка|chargement|cargando|đang tải)(…|\.\.\.)?)$/iu,
  displayNone: /display\s*:\s*none/i,
  visibilityHidden: /visibility\s*:\s*hidden/i,
  imageExt: /\.(jpg|jpeg|png|webp)/i,
  srcsetValue: /\.(jpg|jpeg|png|webp)\s+\d/,
  srcValue: /^\s*\S+\.(jpg|jpeg|png|webp)\S*\s*$/,
  b64DataUrl: /^data:\s*([^\s;,]+)\s*;\s*base64\s*,/i,
  /** Word splitter for title similarity; Unicode-aware so Vietnamese syllables stay whole. */
  tokenize: /[^\p{L}\p{N}]+/u,
} as const
