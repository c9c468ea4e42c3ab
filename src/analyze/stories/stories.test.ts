import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  type ArticleForStory,
  type StoryState,
  chooseStory,
  crossLanguageLinks,
  joinStory,
} from './assign-story.js'
import { cosine, similarityTo, termVector } from './story-terms.js'

const art = (title: string, lead: string, at = '2026-11-20T01:00:00Z', lang = 'vi'): ArticleForStory => ({
  lang,
  title,
  at,
  vector: termVector({ title, lead, body: lead, lang }),
  keys: [],
  groupStoryId: null,
})

const flood1 = art(
  'Lũ quét ở xã Ea Kao, Đắk Lắk làm 3 người mất tích',
  'Trận lũ quét đêm qua tại xã Ea Kao đã cuốn trôi nhiều nhà dân.',
)
const flood2 = art(
  'Đắk Lắk: tìm kiếm người mất tích sau lũ quét ở Ea Kao',
  'Lực lượng cứu hộ tiếp tục tìm kiếm ba người mất tích do lũ quét tại Ea Kao.',
)
const coffee = art(
  'Lễ hội cà phê Buôn Ma Thuột lần thứ 9 khai mạc',
  'Lễ hội cà phê thu hút hàng nghìn du khách trong và ngoài nước.',
)

test('articles about the same event are more similar than unrelated ones', () => {
  assert.ok(cosine(flood1.vector, flood2.vector) > cosine(flood1.vector, coffee.vector) + 0.2)
})

test('similarityTo equals cosine, in either direction', () => {
  const vectors = [flood1, flood2, coffee].map((a) => a.vector)
  for (const a of vectors) {
    const sim = similarityTo(a)
    for (const b of vectors) {
      assert.ok(Math.abs(sim(b) - cosine(a, b)) < 1e-12)
      assert.ok(Math.abs(sim(b) - cosine(b, a)) < 1e-12)
    }
  }
  assert.ok(Math.abs(similarityTo(flood1.vector)(flood1.vector) - 1) < 0.01, 'unit length')
})

test('incremental clustering: same event joins, another event starts a story', () => {
  const s: StoryState = {
    id: 1,
    lang: 'vi',
    title: flood1.title,
    firstSeen: flood1.at,
    lastSeen: flood1.at,
    articleCount: 1,
    centroid: flood1.vector,
    keys: [],
  }
  const d = chooseStory(flood2, [s])
  assert.ok('join' in d && d.join.id === 1)
  const joined = joinStory(s, flood2)
  assert.equal(joined.articleCount, 2)
  assert.ok('create' in chooseStory(coffee, [joined]))
  assert.ok('create' in chooseStory({ ...flood2, lang: 'en' }, [s]), 'never across languages by text')
})

test('syndicated copies follow their representative; cross-language stories link by shared keys', () => {
  const s: StoryState = {
    id: 7,
    lang: 'vi',
    title: 't',
    firstSeen: 'a',
    lastSeen: 'a',
    articleCount: 1,
    centroid: {},
    keys: ['place:vn:dak-lak', 'concept:religion'],
  }
  const copy = { ...coffee, groupStoryId: 7 }
  const d = chooseStory(copy, [s])
  assert.ok('join' in d && d.join.id === 7)
  const en: StoryState = { ...s, id: 8, lang: 'en', keys: ['concept:religion', 'place:vn:dak-lak', 'x'] }
  assert.deepEqual(
    crossLanguageLinks(s, [en]).map((l) => l.id),
    [8],
  )
})
