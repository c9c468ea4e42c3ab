import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { saveAnalysis } from '../db/tables/article-analysis.js'
import { foldText } from '../text/fold.js'
import type { Analyzer } from './analyzer.js'
import { findPlaces } from './places/find-places.js'
import { homeRelevance } from './places/home-relevance.js'
import type { PlaceMention } from './places/place-record.js'
import { assignStory } from './stories/store-story.js'
import { termVector } from './stories/story-terms.js'
import { scoreSentences, scoreText } from './tone/score-tone.js'

/** Very long texts are analyzed on their first part: the article is stated early, and time stays bounded. */
const MAX_ANALYZED_CHARS = 100_000
/** Names of the country in sentence-level tone, besides the home locality's own names (folded). */
const COUNTRY_NAMES = ['viet nam', 'vietnam']

export interface Home {
  placeId: string | null
  /** names of the home locality as written (province, commune), for sentence-level tone */
  names: string[]
}

export interface AnalysisOutcome {
  articleId: number
  lang: string
  places: number
  topics: number
  tone: number | null
  storyId: number | null
  problems: string[]
}

/**
 * Analyzes one stored article: language, places, office topics, news topic, tone (article and the
 * sentences about home or Viet Nam), story. Every stage is guarded: a failing stage is recorded as a
 * problem and the others still run, so analysis never throws on bad text.
 */
export async function analyzeArticle(
  an: Analyzer,
  db: Kysely<Database>,
  articleId: number,
  home: Home,
): Promise<AnalysisOutcome | null> {
  const a = await db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.lead',
      'articles.body_text',
      'articles.lang',
      'articles.published_at',
      'articles.fetched_at',
      'articles.dup_of',
      'sources.lang as source_lang',
    ])
    .where('articles.id', '=', articleId)
    .executeTakeFirst()
  if (!a) return null
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
  const rules = guard('topics', () => an.taxonomy.classify(all), [])
  const news = lang.lang === 'vi' && an.news ? guard('news', () => an.news!.classify(all), null) : null
  const lex = an.tone[lang.lang]
  const tone = lex ? guard('tone', () => scoreText(all, lex), null) : null
  const homeNames = [...home.names, ...COUNTRY_NAMES].map(foldText).filter(Boolean)
  const sentences = lex
    ? guard(
        'tone',
        () =>
          scoreSentences(body, lex, (s) => {
            const folded = foldText(s)
            return homeNames.some((n) => folded.includes(n))
          }),
        [],
      )
    : []
  if (!lex && lang.lang !== 'unknown') problems.push(`tone: no lexicon for ${lang.lang}`)
  if (lang.lang === 'unknown') problems.push(`language: ${lang.reason}`)

  const keys = [
    ...places.filter((p) => p.level !== 'commune').map((p) => `place:${p.currentIds[0] ?? p.placeId}`),
    ...rules.filter((r) => r.sensitive).map((r) => `topic:${r.topic}`),
  ]
  const vector = termVector({ title: a.title, lead: a.lead, body, lang: lang.lang })
  return db.transaction().execute(async (trx) => {
    const storyId = await assignStory(trx, {
      articleId,
      lang: lang.lang,
      title: a.title,
      at,
      vector,
      keys,
      dupOf: a.dup_of,
    })
    await saveAnalysis(trx, articleId, {
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
      homeLevel: rel ? (rel.commune ? 'commune' : rel.province ? 'province' : rel.country ? 'country' : null) : null,
      newsTopic: news?.label ?? null,
      newsScore: news?.score ?? null,
      storyId,
      problems,
      places,
      topics: [
        ...rules.map((r) => ({ topic: r.topic, source: 'rule' as const, score: r.score, why: r.why })),
        ...(news
          ? [{ topic: `news:${news.label}`, source: 'model' as const, score: news.score, why: null }]
          : []),
      ],
    })
    return {
      articleId,
      lang: lang.lang,
      places: places.length,
      topics: rules.length,
      tone: tone?.score ?? null,
      storyId,
      problems,
    }
  })
}
