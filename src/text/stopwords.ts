import { readFileSync } from 'node:fs'
import { projectDataDir } from '../shared/paths.js'

/**
 * A small English list (function words only) for foreign-press text, written for this project:
 * articles, pronouns, auxiliaries, prepositions, conjunctions and a few frequent adverbs.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves said says also its it's i'm we're they're don't doesn't didn't can't won't isn't aren't wasn't`

const lists = new Map<string, ReadonlySet<string>>()

function parseList(text: string): ReadonlySet<string> {
  const words = text
    .split(/\s+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '' && !w.startsWith('#'))
  return new Set(words)
}

/**
 * Stopwords for `lang` (`vi` or `en`; any other language has none). Vietnamese multi-syllable words
 * are written with `_` (`có_thể`), matching the segmenter's output; compare lowercase, normalized
 * text. Vietnamese comes from data/stopwords-vi.txt, read once.
 */
export function stopwords(lang: string): ReadonlySet<string> {
  let set = lists.get(lang)
  if (set !== undefined) return set
  if (lang === 'vi') {
    const lines = readFileSync(projectDataDir('stopwords-vi.txt'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
    set = parseList(lines.join('\n'))
  } else if (lang === 'en') set = parseList(ENGLISH)
  else set = new Set()
  lists.set(lang, set)
  return set
}

/** Is `word` (a segmenter word, any case) a stopword of `lang`? */
export const isStopword = (word: string, lang: string): boolean => stopwords(lang).has(word.toLowerCase())
