import { type PreparedText, countPhrase } from './prepared-text.js'
import type { RuleNode } from './parse-rule.js'

/** Whether the rule holds for the text, and which phrases made it hold (the "why" shown to analysts). */
export function evaluateRule(node: RuleNode, text: PreparedText, why: Map<string, number>): boolean {
  switch (node.kind) {
    case 'phrase': {
      const n = countPhrase(text, node.pattern)
      if (n > 0) why.set(node.pattern.text, (why.get(node.pattern.text) ?? 0) + n)
      return n > 0
    }
    case 'and':
      return node.items.every((item) => evaluateRule(item, text, why))
    case 'or': {
      // Evaluate every branch (no short-circuit) so that the "why" lists all the matching names.
      let any = false
      for (const item of node.items) any = evaluateRule(item, text, why) || any
      return any
    }
    case 'not':
      return !evaluateRule(node.item, text, new Map())
  }
}
