import { Parser } from 'htmlparser2'
import { createElement, type Element } from './dom.js'

/** What the head of a page says about it, collected while parsing (before scripts are dropped). */
export interface PageHead {
  title: string
  htmlLang: string | null
  metas: Record<string, string>[]
  links: Record<string, string>[]
  jsonLd: string[]
}

export interface ParsedPage {
  /** Synthetic document root; its children are the top-level nodes (usually one `html`). */
  root: Element
  body: Element
  head: PageHead
}

/**
 * Content of these elements is never article text; `script` is read only for JSON-LD. Form fields stay
 * in the tree (their text weighs on scoring as in a browser DOM) and are removed with the chrome.
 */
const SKIPPED = new Set(['script', 'style', 'template', 'iframe'])
const KEPT_EMPTY = new Set(['iframe'])
const JSON_LD_TYPE = /ld\+json/i

/**
 * Parses HTML once with htmlparser2 into the light tree of `dom.ts`. Comments and scripts are dropped,
 * JSON-LD blocks, metas, links and the `<title>` are collected for metadata.
 */
export function parseHtml(html: string): ParsedPage {
  const root = createElement('#document')
  const head: PageHead = { title: '', htmlLang: null, metas: [], links: [], jsonLd: [] }
  let current = root
  let skipDepth = 0
  let skipped = ''
  let captureJson = false
  let inTitle = false
  let titleDone = false

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++
          return
        }
        if (name === 'meta') head.metas.push(attribs)
        else if (name === 'link') head.links.push(attribs)
        else if (name === 'html' && head.htmlLang === null && attribs.lang) head.htmlLang = attribs.lang
        else if (name === 'title' && !titleDone) inTitle = true
        if (SKIPPED.has(name)) {
          skipDepth = 1
          skipped = ''
          captureJson = name === 'script' && JSON_LD_TYPE.test(attribs.type ?? '')
          // A frame keeps an empty placeholder: the cleaner decides about video players by its attributes.
          if (KEPT_EMPTY.has(name)) attach(current, createElement(name, attribs))
          return
        }
        // `<font>` is a span in all but name (Readability renames it too, and text density counts spans).
        const el = createElement(name === 'font' ? 'span' : name, attribs)
        attach(current, el)
        current = el
      },
      ontext(data) {
        if (skipDepth > 0) {
          if (captureJson) skipped += data
          return
        }
        if (inTitle) head.title += data
        const last = current.children[current.children.length - 1]
        if (last?.type === 'text') last.data += data
        else current.children.push({ type: 'text', data, parent: current })
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--
          if (skipDepth === 0 && captureJson) head.jsonLd.push(skipped)
          if (skipDepth === 0) captureJson = false
          return
        }
        if (name === 'title' && inTitle) {
          inTitle = false
          titleDone = true
        }
        closeTo(name)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )

  function closeTo(tag: string) {
    const name = tag === 'font' ? 'span' : tag
    for (let p: Element | null = current; p && p !== root; p = p.parent) {
      if (p.tag === name) {
        current = p.parent ?? root
        return
      }
    }
  }

  parser.write(html)
  parser.end()
  head.title = head.title.trim()
  return { root, body: findBody(root), head }
}

function attach(parent: Element, el: Element) {
  el.parent = parent
  parent.children.push(el)
}

/** The `<body>` element, or the `<html>` element / document root for fragments. */
function findBody(root: Element): Element {
  const stack: Element[] = [root]
  let html: Element | null = null
  while (stack.length > 0) {
    const e = stack.pop()!
    if (e.tag === 'body') return e
    if (e.tag === 'html') html = e
    // The body is never deep: look only in the first three levels.
    if (e === root || e.tag === 'html') for (const c of e.children) if (c.type === 'el') stack.push(c)
  }
  return html ?? root
}
