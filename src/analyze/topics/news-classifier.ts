import type { TextClassifier } from '../analyzer.js'

/**
 * The shipped news topic model (data/models/news-vi*) as a TextClassifier, or null when no model file
 * is present (analysis then records topics from the office rules only).
 */
export async function loadNewsClassifier(): Promise<TextClassifier | null> {
  try {
    const mod = await import('./news/news-model.js')
    return mod.loadNewsModel()
  } catch {
    return null
  }
}
