import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { foldText } from '../../text/fold.js'
import { binaryModelFromJSON, uncertaintyOf } from '../topics/linear/binary-model.js'
import { type ArticleTextRow, forRecentArticles, labelMap, topicText } from './topic-articles.js'
import { getUserTopic } from './user-topic-store.js'

/**
 * Suggestions come from the newest this many original articles: labels on current coverage help the
 * analyst most, and scoring them stays well under a second.
 */
export const SUGGESTION_WINDOW = 2_000
/** Name words this short ("là", "và") match too much to point at the topic. */
const MIN_NAME_WORD = 2
/** Anything not a letter or digit separates words when name words are matched. */
const NON_WORD = /[^\p{L}\p{N}]+/gu

export interface Suggestion {
  articleId: number
  title: string
  /** the model's probability; null before any model exists */
  score: number | null
  /** 1 = the model cannot tell (p = 0.5) */
  uncertainty: number | null
  /** why it is suggested: the model is unsure, it names the topic, or it is simply new */
  reason: 'uncertain' | 'name' | 'newest'
}

/**
 * The unlabelled recent articles whose label would teach the model most: those it is least sure
 * about (closest to 0.5). Before any model exists: articles whose title or lead contains the topic's
 * name words (folded), then the newest. Syndicated copies and labelled articles are never suggested.
 */
export async function suggestToLabel(
  db: Kysely<Database>,
  topicId: number,
  n = 10,
  opts: { window?: number } = {},
): Promise<Suggestion[]> {
  const topic = await getUserTopic(db, topicId)
  const labels = await labelMap(db, topicId)
  const window = { limit: opts.window ?? SUGGESTION_WINDOW, originalsOnly: true }
  const ranked: (Suggestion & { rank: number })[] = []
  const keep = (s: Suggestion & { rank: number }) => {
    ranked.push(s)
    // Stable sort keeps the newest first among equals (articles arrive newest first).
    if (ranked.length > n * 4) ranked.sort(byRank).splice(n)
  }
  if (topic.model_json) {
    const model = binaryModelFromJSON(JSON.parse(topic.model_json))
    await forRecentArticles(db, window, (a) => {
      if (labels.has(a.id)) return
      const score = model.predict(topicText(a))
      const uncertainty = uncertaintyOf(score)
      keep({ articleId: a.id, title: a.title, score, uncertainty, reason: 'uncertain', rank: uncertainty })
    })
  } else {
    const words = nameWords(topic.name)
    await forRecentArticles(db, window, (a) => {
      if (labels.has(a.id)) return
      const hits = nameHits(a, words)
      keep({
        articleId: a.id,
        title: a.title,
        score: null,
        uncertainty: null,
        reason: hits ? 'name' : 'newest',
        rank: hits,
      })
    })
  }
  return ranked
    .sort(byRank)
    .slice(0, n)
    .map(({ rank: _, ...s }) => s)
}

const byRank = (a: { rank: number }, b: { rank: number }) => b.rank - a.rank

/** Distinct folded words of a topic name, e.g. "Cà phê Tây Nguyên" → ca, phe, tay, nguyen. */
export function nameWords(name: string): string[] {
  return [...new Set(foldText(name).split(NON_WORD))].filter((w) => w.length >= MIN_NAME_WORD)
}

/** How many of the name words the folded title and lead contain as whole words. */
function nameHits(a: ArticleTextRow, words: readonly string[]): number {
  if (words.length === 0) return 0
  const text = ` ${foldText(`${a.title} ${a.lead}`).replace(NON_WORD, ' ')} `
  let hits = 0
  for (const w of words) if (text.includes(` ${w} `)) hits++
  return hits
}
