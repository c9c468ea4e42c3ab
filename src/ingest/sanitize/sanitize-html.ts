import sanitize from 'sanitize-html'

/**
 * The allowlist for stored and displayed article HTML. Sanitizing is the last step of extraction
 * (as in Miniflux: "the sanitizer should always run at the end of the process"); nothing may change
 * the HTML after it. Everything not listed here goes: scripts, styles, event handlers, forms, frames,
 * SVG/MathML, `<meta>`, `<base>`, classes and ids.
 */
const ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'br',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
]

/** Elements whose content is dropped with them (not only the tag), so no raw script text leaks as text. */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'title',
  'select',
  'head',
]

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:'])
const IMAGE_SCHEMES = new Set(['http:', 'https:'])
/** Bounds the nesting sanitize-html keeps; deeper wrappers are flattened (their text stays). */
const NESTING_LIMIT = 200

export interface SanitizeOptions {
  /** Relative links and images are resolved against this URL; without it they are dropped. */
  baseUrl?: string
}

/** An absolute URL with an allowed scheme, or null (relative without base, `javascript:`, `data:`…). */
function safeUrl(value: string | undefined, base: string | undefined, schemes: Set<string>): string | null {
  if (!value) return null
  let url: URL
  try {
    url = base ? new URL(value.trim(), base) : new URL(value.trim())
  } catch {
    return null
  }
  return schemes.has(url.protocol) ? url.href : null
}

function link(base: string | undefined): sanitize.Transformer {
  return (_tag, attribs) => {
    const href = safeUrl(attribs.href, base, LINK_SCHEMES)
    const out: sanitize.Attributes = {}
    if (href) Object.assign(out, { href, rel: 'noopener noreferrer nofollow', target: '_blank' })
    return { tagName: 'a', attribs: out }
  }
}

function image(base: string | undefined): sanitize.Transformer {
  return (_tag, attribs) => {
    const src = safeUrl(attribs.src, base, IMAGE_SCHEMES)
    const out: sanitize.Attributes = {}
    if (src) out.src = src
    if (attribs.alt) out.alt = attribs.alt
    return { tagName: 'img', attribs: out }
  }
}

/** Cleans untrusted HTML against the allowlist above. */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'rel', 'target'],
      img: ['src', 'alt'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    nestingLimit: NESTING_LIMIT,
    transformTags: { a: link(opts.baseUrl), img: image(opts.baseUrl), h1: 'h2' },
    // An image whose only source was unsafe is dropped entirely.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  })
}
