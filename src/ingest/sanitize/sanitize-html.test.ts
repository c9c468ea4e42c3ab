import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Parser } from 'htmlparser2'
import { sanitizeHtml } from './sanitize-html.js'

const ALLOWED: Record<string, string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  ul: [],
  ol: [],
  li: [],
  blockquote: [],
  figure: [],
  figcaption: [],
  img: ['src', 'alt'],
  a: ['href', 'rel', 'target'],
  strong: [],
  em: [],
  b: [],
  i: [],
  br: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
}

/** Re-parses the output as a browser-like parser would and lists every rule it breaks. */
function violations(html: string): string[] {
  const out: string[] = []
  const parser = new Parser({
    onopentag(name, attribs) {
      const allowed = ALLOWED[name]
      if (!allowed) out.push(`tag ${name}`)
      for (const [k, v] of Object.entries(attribs)) {
        if (!allowed?.includes(k)) out.push(`attr ${name}[${k}]`)
        if (k === 'href' && !/^(https?:|mailto:)/.test(v)) out.push(`href ${v}`)
        if (k === 'src' && !/^https?:/.test(v)) out.push(`src ${v}`)
      }
    },
  })
  parser.write(html)
  parser.end()
  return out
}

const VECTORS: [string, string][] = [
  ['script', '<p>a</p><script>alert(1)</script>'],
  ['event handler', '<p onclick="alert(1)">a</p><img src="https://x.vn/a.png" onerror="alert(1)">'],
  ['svg namespace', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>'],
  ['svg animate', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['math mglyph', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['entity-encoded javascript', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>'],
  ['spaced mixed-case javascript', '<a href="  jAvAsCrIpT:alert(1)">x</a>'],
  ['tab inside scheme', '<a href="java\tscript:alert(1)">x</a>'],
  ['data url image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['data url link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ['style expression', '<p style="width: expression(alert(1))">a</p><style>p{background:url(javascript:x)}</style>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>">'],
  ['form', '<form action="https://evil.example/"><input name=q><button formaction="javascript:alert(1)">go</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base', '<base href="javascript:alert(1)//"><a href="/x">x</a>'],
  ['object embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
  ['protocol-relative', '<a href="//evil.example/x">x</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['unclosed attribute', '<p title="a><img src=x onerror=alert(1)>'],
]

describe('sanitizeHtml', () => {
  for (const [name, vector] of VECTORS) {
    it(`neutralises ${name}`, () => {
      const out = sanitizeHtml(vector, { baseUrl: 'https://baochinhphu.vn/tin/' })
      assert.deepEqual(violations(out), [], out)
      assert.doesNotMatch(out, /javascript:|vbscript:|onerror|onclick|<script|expression\(/i, out)
    })
  }

  it('keeps the allowed structure and text', () => {
    const html =
      '<h1>Tiêu đề</h1><p class="x" id="y">Đoạn <strong>một</strong> <em>hai</em><br>ba</p><ul><li>mục</li></ul><table><tr><td colspan="2">ô</td></tr></table>'
    const out = sanitizeHtml(html)
    assert.equal(
      out,
      '<h2>Tiêu đề</h2><p>Đoạn <strong>một</strong> <em>hai</em><br />ba</p><ul><li>mục</li></ul><table><tr><td colspan="2">ô</td></tr></table>',
    )
  })

  it('resolves relative URLs against the base and hardens links', () => {
    const out = sanitizeHtml('<a href="../a.html">a</a><img src="/img/b.jpg" alt="ảnh">', {
      baseUrl: 'https://binhtan.vinhlong.gov.vn/tin-tuc/chi-tiet/',
    })
    assert.equal(
      out,
      '<a href="https://binhtan.vinhlong.gov.vn/tin-tuc/a.html" rel="noopener noreferrer nofollow" target="_blank">a</a>' +
        '<img src="https://binhtan.vinhlong.gov.vn/img/b.jpg" alt="ảnh" />',
    )
  })

  it('drops relative URLs when no base is known, keeping the link text', () => {
    assert.equal(sanitizeHtml('<a href="/x">chữ</a><img src="/y.png">'), '<a>chữ</a>')
  })

  it('keeps mailto links', () => {
    assert.match(sanitizeHtml('<a href="mailto:toasoan@example.vn">thư</a>'), /href="mailto:toasoan@example\.vn"/)
  })

  it('survives 10,000 nested elements, flattening past the nesting limit but keeping the text', () => {
    const deep = `<p>đầu</p>${'<div>'.repeat(10_000)}<p>sâu</p>${'</div>'.repeat(10_000)}`
    const out = sanitizeHtml(deep)
    assert.match(out, /^<p>đầu<\/p>/)
    assert.match(out, /sâu/)
    assert.deepEqual(violations(out), [])
  })
})
