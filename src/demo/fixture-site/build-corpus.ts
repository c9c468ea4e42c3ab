import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectDataDir } from '../../shared/paths.js'
import { CorpusArticle } from './corpus-schema.js'
import { marketReports } from './market-report-templates.js'
import { parseArticleSource, type SourceBlock, splitList } from './parse-article-source.js'
import { receptionArticles } from './reception-templates.js'
import { slugify } from './slugify.js'

/** The first sentence of a paragraph: up to the first full stop that ends a word. */
const FIRST_SENTENCE = /^.*?[.!?]["”»]?(?=\s|$)/

/**
 * Builds the demo corpus: the hand-written sources, their reprints and the template series, sorted
 * newest first. Deterministic: the same sources give the same corpus (the test compares it with
 * `data/demo/articles.json`).
 */
export function buildCorpus(sourceDir = projectDataDir('demo', 'source')): CorpusArticle[] {
  const blocks = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseArticleSource(readFileSync(join(sourceDir, f), 'utf8'), f))
  const originals = new Map<string, CorpusArticle>()
  for (const b of blocks) if (!b.fields.reprint) originals.set(b.id, fromBlock(b))
  const reprints = blocks.filter((b) => b.fields.reprint).map((b) => reprintFromBlock(b, originals))
  const all = [...originals.values(), ...reprints, ...marketReports(), ...receptionArticles()]
  const seen = new Set<string>()
  for (const a of all) {
    if (seen.has(a.id)) throw new Error(`duplicate article id ${a.id}`)
    if ((a.updatedAfterHours ?? 0) > a.ageHours) throw new Error(`${a.id} is updated in the future`)
    seen.add(a.id)
  }
  return all
    .map((a) => CorpusArticle.parse(a))
    .sort((x, y) => x.ageHours - y.ageHours || (x.id < y.id ? -1 : 1))
}

function need(b: SourceBlock, name: string): string {
  const v = b.fields[name]
  if (!v) throw new Error(`${b.origin}: ${b.id} has no "${name}"`)
  return v
}

function fromBlock(b: SourceBlock): CorpusArticle {
  const f = b.fields
  const title = need(b, 'title')
  return {
    id: b.id,
    outlet: need(b, 'outlet'),
    slug: f.slug ?? slugify(title),
    lang: need(b, 'lang') === 'en' ? 'en' : 'vi',
    title,
    lead: need(b, 'lead'),
    body: b.paragraphs,
    author: need(b, 'author'),
    ageHours: Number(need(b, 'age')),
    ...(f.updated ? { updatedAfterHours: Number(f.updated) } : {}),
    topics: splitList(need(b, 'topics')),
    places: splitList(f.places),
    tone: CorpusArticle.shape.tone.parse(need(b, 'tone')),
    section: need(b, 'section'),
    ...(f.figure ? { figure: f.figure } : {}),
    ...(f.group ? { syndicationGroup: f.group } : {}),
    ...(f.story ? { story: f.story } : {}),
    ...(f.hostile === 'true' ? { hostile: true } : {}),
  }
}

/** A reprint: the original's body with a new title, maybe a new first sentence and an extra line. */
function reprintFromBlock(b: SourceBlock, originals: Map<string, CorpusArticle>): CorpusArticle {
  const base = originals.get(need(b, 'reprint'))
  if (!base?.syndicationGroup) throw new Error(`${b.origin}: reprint of an unknown or ungrouped article`)
  const body = [...base.body]
  const first = b.fields.first
  if (first) {
    if (!FIRST_SENTENCE.test(body[0]!)) throw new Error(`${b.origin}: no first sentence to replace`)
    body[0] = body[0]!.replace(FIRST_SENTENCE, first)
  }
  if (b.fields.extra) body.push(b.fields.extra)
  const title = need(b, 'title')
  const { figure: _dropped, ...rest } = base
  return {
    ...rest,
    id: b.id,
    outlet: need(b, 'outlet'),
    slug: slugify(title),
    title,
    lead: b.fields.lead ?? base.lead,
    body,
    author: need(b, 'author'),
    ageHours: Number(need(b, 'age')),
    tone: b.fields.tone ? CorpusArticle.shape.tone.parse(b.fields.tone) : base.tone,
    section: b.fields.section ?? base.section,
    reprintOf: base.id,
  }
}
