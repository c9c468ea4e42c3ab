/**
 * Reads the hand-written article sources in `data/demo/source/*.txt`. A file starts with default
 * fields (`outlet: …`, `lang: …`), then one block per article:
 *
 *     === article-id
 *     title: …
 *     lead: …
 *     ---
 *     First paragraph.
 *
 *     Second paragraph.
 *
 * A reprint block has `reprint: <id>` and no body; `first:` replaces the first sentence of the
 * original and `extra:` appends a paragraph.
 */
export interface SourceBlock {
  id: string
  /** file defaults overlaid with the block's own fields */
  fields: Record<string, string>
  paragraphs: string[]
  /** `file:line` of the block header, for error messages */
  origin: string
}

const BLOCK_START = /^=== ([a-z0-9-]+)\s*$/
const FIELD = /^([a-z][a-zA-Z]*):\s*(.*)$/
const BODY_MARK = '---'

export function parseArticleSource(text: string, fileName: string): SourceBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const defaults: Record<string, string> = {}
  const blocks: SourceBlock[] = []
  let current: SourceBlock | null = null
  let inBody = false
  let para: string[] = []
  const flushPara = () => {
    if (current && para.length > 0) current.paragraphs.push(para.join(' ').trim())
    para = []
  }
  lines.forEach((line, i) => {
    const start = BLOCK_START.exec(line)
    if (start) {
      flushPara()
      current = { id: start[1]!, fields: { ...defaults }, paragraphs: [], origin: `${fileName}:${i + 1}` }
      blocks.push(current)
      inBody = false
      return
    }
    if (inBody) {
      if (line.trim() === '') flushPara()
      else para.push(line.trim())
      return
    }
    if (line.trim() === BODY_MARK && current) {
      inBody = true
      return
    }
    if (line.trim() === '') return
    const field = FIELD.exec(line)
    if (!field) throw new Error(`${fileName}:${i + 1}: expected "name: value", got ${JSON.stringify(line)}`)
    const target: Record<string, string> = current ? (current as SourceBlock).fields : defaults
    target[field[1]!] = field[2]!.trim()
  })
  flushPara()
  return blocks
}

/** `a, b, c` → `['a', 'b', 'c']` */
export const splitList = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
