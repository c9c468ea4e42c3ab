import type { Element, Node } from './dom.js'

/** Elements that start a new paragraph in plain text. */
const BLOCKS = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul caption'.split(
    ' ',
  ),
)
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))
const CELLS = new Set(['td', 'th'])
/** Attribute names a browser would accept; anything else is dropped rather than escaped. */
const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/
const SPACES = /[ \t\r\n\f\u00a0]+/g
const ESC_TEXT = /[&<>]/g
const ESC_ATTR = /[&<>"]/g
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

type Step = { node: Node; exit: boolean }

/**
 * Plain text of a subtree: paragraphs separated by a blank line, `<br>` as a line break, whitespace
 * collapsed. Iterative, so deeply nested markup is safe.
 */
export function toText(root: Element): string {
  const paragraphs: string[] = []
  let buf = ''
  const flush = () => {
    const lines = buf
      .split('\n')
      .map((l) => l.replace(SPACES, ' ').trim())
      .filter(Boolean)
    if (lines.length > 0) paragraphs.push(lines.join('\n'))
    buf = ''
  }
  const stack: Step[] = [{ node: root, exit: false }]
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!
    if (node.type === 'text') {
      buf += node.data.replace(/\n/g, ' ')
      continue
    }
    const block = BLOCKS.has(node.tag)
    if (exit) {
      if (block) flush()
      else if (CELLS.has(node.tag)) buf += ' '
      continue
    }
    if (node.tag === 'br') {
      buf += '\n'
      continue
    }
    if (block) flush()
    stack.push({ node, exit: true })
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false })
  }
  flush()
  return paragraphs.join('\n\n')
}

/** HTML of the children of `root` (unsanitized: the caller must sanitize it last). */
export function toHtml(root: Element): string {
  let out = ''
  const stack: Step[] = []
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i]!, exit: false })
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!
    if (node.type === 'text') {
      out += node.data.replace(ESC_TEXT, (c) => ENTITY[c]!)
      continue
    }
    if (exit) {
      out += `</${node.tag}>`
      continue
    }
    out += `<${node.tag}`
    for (const [k, v] of Object.entries(node.attrs))
      if (ATTR_NAME.test(k)) out += ` ${k}="${v.replace(ESC_ATTR, (c) => ENTITY[c]!)}"`
    out += '>'
    if (VOID.has(node.tag)) continue
    stack.push({ node, exit: true })
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false })
  }
  return out
}
