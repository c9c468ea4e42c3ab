import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { projectDataDir } from '../../../shared/paths.js'
import { parseRule, type RuleNode } from './parse-rule.js'
import { RuleMatches, evaluateRule } from './match-rules.js'
import { type PreparedText, prepareText } from './prepared-text.js'

const TaxonomyFile = z.object({
  glossary: z.record(z.string(), z.array(z.string().min(1))),
  topics: z.array(
    z.object({
      id: z.string().regex(/^[a-z_.]+$/),
      sensitive: z.boolean(),
      label: z.object({ vi: z.string(), en: z.string() }),
      rule: z.string().min(1),
      /** least evidence: matches weighted by field (title 3, lead 2, body 1), overlapping ones once */
      min: z.number().int().min(1).max(20).optional(),
    }),
  ),
})

export interface TaxonomyTopic {
  id: string
  sensitive: boolean
  label: { vi: string; en: string }
  rule: string
  /** least evidence for the topic to apply (see TaxonomyFile) */
  min: number
  tree: RuleNode
}

export interface TopicMatch {
  topic: string
  sensitive: boolean
  /** matched phrases with their counts, most frequent first */
  why: { text: string; count: number }[]
  /** 0..1: grows with distinct matched phrases and how often they occur */
  score: number
}

export interface Taxonomy {
  topics: TaxonomyTopic[]
  glossary: Record<string, string[]>
  classify(text: string): TopicMatch[]
  /** The same over text already prepared (words and numbers, lowercased, and folded). */
  classifyPrepared(text: PreparedText): TopicMatch[]
}

/** Loads and compiles the office taxonomy; a broken rule stops loading with its topic and position. */
export function loadTaxonomy(file = projectDataDir('taxonomy', 'office-topics.json')): Taxonomy {
  const data = TaxonomyFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const topics = data.topics.map((t) => {
    try {
      return { ...t, min: t.min ?? 1, tree: parseRule(t.rule, data.glossary) }
    } catch (e) {
      throw new Error(`topic ${t.id}: ${(e as Error).message}`, { cause: e })
    }
  })
  return {
    topics,
    glossary: data.glossary,
    classify: (text) => classifyWith(topics, prepareText(text)),
    classifyPrepared: (prepared) => classifyWith(topics, prepared),
  }
}

function classifyWith(topics: TaxonomyTopic[], prepared: PreparedText): TopicMatch[] {
  const out: TopicMatch[] = []
  for (const t of topics) {
    const found = new RuleMatches()
    if (!evaluateRule(t.tree, prepared, found) || found.byPhrase.size === 0) continue
    if (found.evidence(prepared) < t.min) continue
    const list = [...found.byPhrase]
      .map(([w, starts]) => ({ text: w, count: starts.size }))
      .sort((a, b) => b.count - a.count)
    const hits = list.reduce((a, b) => a + b.count, 0)
    const score = Math.min(1, 0.3 + 0.15 * list.length + 0.05 * hits)
    out.push({
      topic: t.id,
      sensitive: t.sensitive,
      why: list.slice(0, 10),
      score: Math.round(score * 100) / 100,
    })
  }
  return out
}
