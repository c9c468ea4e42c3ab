import assert from 'node:assert/strict'
import { test } from 'node:test'
import { couldBeVietnameseSyllable } from './syllable-shape.js'

test('plain words shaped like a Vietnamese syllable, and English words that are not', () => {
  for (const w of [
    'an',
    'the',
    'so',
    'to',
    'do',
    'in',
    'on',
    'may',
    'can',
    'nghieng',
    'khuyu',
    'gi',
    'quy',
    'a',
    'Thao',
  ])
    assert.equal(couldBeVietnameseSyllable(w), true, w)
  for (const w of ['and', 'of', 'is', 'with', 'for', 'from', 'this', 'were', 'have', 'or', 'are', 'which'])
    assert.equal(couldBeVietnameseSyllable(w), false, w)
})
