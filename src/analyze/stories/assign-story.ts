import { type TermVector, mergeCentroid, similarities } from './story-terms.js'

/** Similarity to a story's centroid above which an article joins it (tuned on the demo corpus). */
export const JOIN_THRESHOLD = 0.3
/** A story stays open for new articles this long after its last one. */
export const STORY_WINDOW_HOURS = 72

export interface StoryState {
  id: number
  lang: string
  title: string
  firstSeen: string
  lastSeen: string
  articleCount: number
  centroid: TermVector
  /** glossary concepts and place ids the story's articles mention: for cross-language links */
  keys: string[]
}

export interface ArticleForStory {
  lang: string
  title: string
  at: string
  vector: TermVector
  keys: string[]
  /** the story of the article's syndication representative, if any: copies always join it */
  groupStoryId: number | null
}

export type StoryDecision = { join: StoryState; similarity: number } | { create: true }

/** Picks the open story of the same language most similar to the article, or decides on a new one. */
export function chooseStory(a: ArticleForStory, open: StoryState[]): StoryDecision {
  if (a.groupStoryId !== null) {
    const group = open.find((s) => s.id === a.groupStoryId)
    if (group) return { join: group, similarity: 1 }
  }
  let best: StoryState | null = null
  let bestSim = 0
  const same = open.filter((s) => s.lang === a.lang)
  const sims = similarities(
    a.vector,
    same.map((s) => s.centroid),
  )
  for (let i = 0; i < same.length; i++) {
    if (sims[i]! > bestSim) {
      best = same[i]!
      bestSim = sims[i]!
    }
  }
  return best && bestSim >= JOIN_THRESHOLD ? { join: best, similarity: bestSim } : { create: true }
}

/** The story after the article joined it. */
export function joinStory(s: StoryState, a: ArticleForStory): StoryState {
  return {
    ...s,
    firstSeen: a.at < s.firstSeen ? a.at : s.firstSeen,
    lastSeen: a.at > s.lastSeen ? a.at : s.lastSeen,
    articleCount: s.articleCount + 1,
    centroid: mergeCentroid(s.centroid, s.articleCount, a.vector),
    keys: [...new Set([...s.keys, ...a.keys])].slice(0, 60),
  }
}

/** Minimum shared concepts/places for two stories in different languages to be linked. */
export const LINK_MIN_SHARED = 2

/** Stories in other languages about the same event: shared concepts and places within the window. */
export function crossLanguageLinks(s: StoryState, others: StoryState[]): { id: number; shared: string[] }[] {
  const mine = new Set(s.keys)
  return others
    .filter((o) => o.lang !== s.lang && o.id !== s.id)
    .map((o) => ({ id: o.id, shared: o.keys.filter((k) => mine.has(k)) }))
    .filter((l) => l.shared.length >= LINK_MIN_SHARED)
}
