import type { AnalysisRecord } from '../db/tables/article-analysis.js'
import { foldText } from '../text/fold.js'
import type { Home } from './analyze-article.js'
import type { Analyzer } from './analyzer.js'
import { articleWords } from './article-text.js'
import { findPlaces } from './places/find-places.js'
import { homeRelevance } from './places/home-relevance.js'
import type { PlaceMention } from './places/place-record.js'
import { termVectorOf, type TermVector } from './stories/story-terms.js'
import { scoreSentencesNaming, scoreWords } from './tone/score-tone.js'
import { prepareWords } from './topics/rules/prepared-text.js'

/** Very long texts are analyzed on their first part: the article is stated early, and time stays bounded. */
const MAX_ANALYZED_CHARS = 100_000
/** Names of the country in sentence-level tone, besides the home locality's own names (folded). */
const COUNTRY_NAMES = ['viet nam', 'vietnam']

/** The stored article as analysis reads it. */
export interface ArticleRow {
  id: number
  title: string
  lead: string
  body_text: string
  lang: string
  published_at: string | null
  fetched_at: string
  dup_of: number | null
  source_lang: string
}

/** Everything analysis found in one article except its story, which needs the other articles. */
export interface AnalysisDraft {
  articleId: number
  lang: string
  title: string
  at: string
  dupOf: number | null
  /** term vector and keys (sensitive topics, places) for story assignment */
  vector: TermVector
  keys: string[]
  ruleTopics: number
  tone: number | null
  problems: string[]
  record: Omit<AnalysisRecord, 'storyId'>
}

/** The home names sentence-level tone looks for, folded. */
export const homeNamesOf = (home: Home) => [...home.names, ...COUNTRY_NAMES].map(foldText).filter(Boolean)

/**
 * The pure stages of analysis: language, places, home relevance, office topics, news topic, tone
 * (article and the sentences about home or Viet Nam), story terms. The text is normalized and
 * tokenized once for topics, tone and story terms (`articleWords`). Every stage is guarded: a failing
 * stage is recorded as a problem and the others still run, so analysis never throws on bad text.
 */
export function draftAnalysis(an: Analyzer, a: ArticleRow, home: Home, homeNames: string[]): AnalysisDraft {
  const problems: string[] = []
  const guard = <T>(stage: string, fn: () => T, fallback: T): T => {
    try {
      return fn()
    } catch (e) {
      problems.push(`${stage}: ${(e as Error).message}`.slice(0, 300))
      return fallback
    }
  }
  const body = a.body_text.slice(0, MAX_ANALYZED_CHARS)
  const all = `${a.title}\n${a.lead}\n${body}`
  const lang = guard('language', () => an.language.detect(all, { declared: a.source_lang }), {
    lang: 'unknown',
    confidence: 0,
    reason: 'failed',
  })
  const at = a.published_at ?? a.fetched_at
  const places = guard(
    'places',
    () =>
      findPlaces({ title: a.title, lead: a.lead, body }, an.gazetteer, {
        ...(home.placeId ? { home: home.placeId } : {}),
        at,
      }),
    [] as PlaceMention[],
  )
  const rel = home.placeId
    ? guard('home', () => homeRelevance(places, an.gazetteer, home.placeId!), null)
    : null
  const words = guard('words', () => articleWords({ title: a.title, lead: a.lead, body }), null)
  const rules = words
    ? guard(
        'topics',
        () =>
          an.taxonomy.classifyPrepared(
            prepareWords(words.terms.words, words.terms.folded, words.termFieldEnds),
          ),
        [],
      )
    : []
  const news = lang.lang === 'vi' && an.news ? guard('news', () => an.news!.classify(all), null) : null
  const lex = an.tone[lang.lang]
  const tone = lex && words ? guard('tone', () => scoreWords(words.toneWords, lex), null) : null
  const sentences = lex ? guard('tone', () => scoreSentencesNaming(body, lex, homeNames), []) : []
  if (!lex && lang.lang !== 'unknown') problems.push(`tone: no lexicon for ${lang.lang}`)
  if (lang.lang === 'unknown') problems.push(`language: ${lang.reason}`)

  const keys = [
    ...places.filter((p) => p.level !== 'commune').map((p) => `place:${p.currentIds[0] ?? p.placeId}`),
    ...rules.filter((r) => r.sensitive).map((r) => `topic:${r.topic}`),
  ]
  const vector = words ? termVectorOf(words, lang.lang) : {}
  return {
    articleId: a.id,
    lang: lang.lang,
    title: a.title,
    at,
    dupOf: a.dup_of,
    vector,
    keys,
    ruleTopics: rules.length,
    tone: tone?.score ?? null,
    problems,
    record: {
      lang: lang.lang === 'unknown' ? a.lang : lang.lang,
      langReason: lang.reason,
      tone: tone?.score ?? null,
      toneJson: tone
        ? JSON.stringify({
            drivers: tone.drivers,
            sentences: sentences.map((s) => ({
              start: s.start,
              end: s.end,
              score: s.score,
              drivers: s.drivers.slice(0, 5),
            })),
          })
        : null,
      homeScore: rel?.score ?? null,
      homeLevel: rel
        ? rel.commune
          ? 'commune'
          : rel.province
            ? 'province'
            : rel.country
              ? 'country'
              : null
        : null,
      newsTopic: news?.label ?? null,
      newsScore: news?.score ?? null,
      problems,
      places,
      topics: [
        ...rules.map((r) => ({ topic: r.topic, source: 'rule' as const, score: r.score, why: r.why })),
        ...(news
          ? [{ topic: `news:${news.label}`, source: 'model' as const, score: news.score, why: null }]
          : []),
      ],
    },
  }
}
