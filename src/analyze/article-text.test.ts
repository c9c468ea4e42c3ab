import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadCorpus } from '../demo/fixture-site/load-corpus.js'
import { foldText } from '../text/fold.js'
import { normalizeText } from '../text/normalize.js'
import { tokenize } from '../text/tokenize.js'
import { STORY_BODY_CHARS, articleWords } from './article-text.js'

/** What each stage computed on its own before the words were shared. */
function reference(a: { title: string; lead: string; body: string }) {
  const lower = (text: string, numbers: boolean) =>
    tokenize(normalizeText(text))
      .filter((t) => t.kind === 'word' || (numbers && t.kind === 'number'))
      .map((t) => t.text.toLowerCase())
  const words = (text: string, numbers = false) => {
    const w = lower(text, numbers)
    return { words: w, folded: w.map(foldText) }
  }
  const all = `${a.title}\n${a.lead}\n${a.body}`
  return {
    terms: words(all, true),
    termFieldEnds: [lower(a.title, true).length, lower(a.title, true).length + lower(a.lead, true).length],
    toneWords: lower(all, false),
    title: words(a.title),
    lead: words(a.lead),
    bodyStart: words(a.body.slice(0, STORY_BODY_CHARS)),
  }
}

const check = (a: { title: string; lead: string; body: string }, label: string) =>
  assert.deepEqual(articleWords(a), reference(a), label)

test('shared words equal what topics, tone and story terms computed on their own', () => {
  for (const a of loadCorpus()) check({ title: a.title, lead: a.lead, body: a.body.join('\n') }, a.id)
  const filler = 'Người dân  xã Ea Kao\u00a0vui mừng đón Quốc khánh 2/9 với 1.234,5 tỷ đồng. '.repeat(40)
  for (let cut = 0; cut < 60; cut += 7) {
    // a word, a number or a space cut at the opening's end, unnormalized spacing
    check({ title: 'Tiêu đề', lead: '', body: `${'x'.repeat(cut)}${filler}` }, `cut ${cut}`)
  }
  for (const odd of [
    'ΟΔΟΣ ΣΟΦΙΑΣ and İstanbul', // lowercase depends on context or changes length
    'Hoa\u0300 Bi\u0300nh decomposed marks',
    'thuỷ lợi hoà bình uỷ ban',
    'Ｆｕｌｌｗｉｄｔｈ Ⅻ ⓐ',
    '',
  ]) {
    check({ title: odd, lead: odd, body: `${odd}\r\n${filler}${odd}` }, odd)
  }
})
