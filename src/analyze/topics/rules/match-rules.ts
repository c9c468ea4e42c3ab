import type { RuleNode } from './parse-rule.js'
import { type PreparedText, fieldWeight, phraseStarts } from './prepared-text.js'

/** What made a rule hold: each matched phrase's start positions, and the word spans matched. */
export class RuleMatches {
  readonly byPhrase = new Map<string, Set<number>>()
  /** start → end (exclusive) of each matched span */
  readonly spans = new Map<number, number>()

  /** A phrase matched at `start`; `span` is the evidence it gives (a NEAR pair gives one span for both). */
  add(text: string, start: number, span: [number, number]): void {
    this.starts(text).add(start)
    this.addSpan(span[0], span[1])
  }

  private starts(text: string): Set<number> {
    let set = this.byPhrase.get(text)
    if (!set) {
      set = new Set()
      this.byPhrase.set(text, set)
    }
    return set
  }

  private addSpan(start: number, end: number): void {
    this.spans.set(start, Math.max(this.spans.get(start) ?? 0, end))
  }

  merge(other: RuleMatches): void {
    for (const [text, starts] of other.byPhrase) {
      const set = this.starts(text)
      for (const s of starts) set.add(s)
    }
    for (const [start, end] of other.spans) this.addSpan(start, end)
  }

  /**
   * Evidence: overlapping spans count once ("đồng bào dân tộc thiểu số" matches two names), each
   * weighted by its field (title 3, lead 2, body 1).
   */
  evidence(text: PreparedText): number {
    let total = 0
    let end = -1
    for (const start of [...this.spans.keys()].sort((a, b) => a - b)) {
      if (start >= end) total += fieldWeight(text, start)
      end = Math.max(end, this.spans.get(start)!)
    }
    return total
  }
}

interface Occurrence {
  text: string
  start: number
  end: number
}

function occurrences(node: RuleNode, text: PreparedText): Occurrence[] {
  if (node.kind === 'phrase') {
    const n = node.pattern.words.length
    return phraseStarts(text, node.pattern).map((start) => ({
      text: node.pattern.text,
      start,
      end: start + n,
    }))
  }
  if (node.kind === 'or') return node.items.flatMap((item) => occurrences(item, text))
  return []
}

/** Whether the rule holds for the text; what made it hold goes into `found` (the "why" shown to analysts). */
export function evaluateRule(node: RuleNode, text: PreparedText, found: RuleMatches): boolean {
  switch (node.kind) {
    case 'phrase': {
      const occ = occurrences(node, text)
      for (const o of occ) found.add(o.text, o.start, [o.start, o.end])
      return occ.length > 0
    }
    case 'and': {
      // Matches of an AND count only when every item holds.
      const mine = new RuleMatches()
      if (!node.items.every((item) => evaluateRule(item, text, mine))) return false
      found.merge(mine)
      return true
    }
    case 'or': {
      // Evaluate every branch (no short-circuit) so that the "why" lists all the matching names.
      let any = false
      for (const item of node.items) any = evaluateRule(item, text, found) || any
      return any
    }
    case 'not':
      return !evaluateRule(node.item, text, new RuleMatches())
    case 'near': {
      const [a, b] = node.items.map((item) => occurrences(item, text)) as [Occurrence[], Occurrence[]]
      let any = false
      for (const x of a) {
        for (const y of b) {
          const gap = x.start < y.start ? y.start - x.end : x.start - y.end
          if (gap > node.distance) continue
          const span: [number, number] = [Math.min(x.start, y.start), Math.max(x.end, y.end)]
          found.add(x.text, x.start, span)
          found.add(y.text, y.start, span)
          any = true
        }
      }
      return any
    }
  }
}
