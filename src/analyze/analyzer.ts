import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { loadLanguageDetector, type LanguageDetector } from '../text/language.js'
import { type Gazetteer, loadGazetteer } from './places/gazetteer.js'
import { loadStoredPlaces } from './places/store-places.js'
import { loadTaxonomy, type Taxonomy } from './topics/rules/taxonomy.js'
import { loadToneLexicon, type ToneLexicon } from './tone/lexicon.js'

/** A trained single-label text classifier (the news topic model). */
export interface TextClassifier {
  classify(text: string): { label: string; score: number }
}

/**
 * Everything analysis needs, loaded once per process and passed to each call: language detector,
 * gazetteer (shipped provinces and countries plus imported units), office taxonomy, tone lexicons,
 * news topic model. Reload it (`createAnalyzer` again) after a model or rule changes.
 */
export interface Analyzer {
  language: LanguageDetector
  gazetteer: Gazetteer
  taxonomy: Taxonomy
  tone: Partial<Record<string, ToneLexicon>>
  news: TextClassifier | null
}

export async function createAnalyzer(
  opts: { db?: Kysely<Database>; news?: () => Promise<TextClassifier | null> } = {},
): Promise<Analyzer> {
  const extra = opts.db ? await loadStoredPlaces(opts.db) : []
  return {
    language: await loadLanguageDetector(),
    gazetteer: loadGazetteer({ extra }),
    taxonomy: loadTaxonomy(),
    tone: { vi: loadToneLexicon('vi'), en: loadToneLexicon('en') },
    news: opts.news ? await opts.news().catch(() => null) : null,
  }
}
