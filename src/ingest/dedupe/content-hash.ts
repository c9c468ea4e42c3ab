import { createHash } from 'node:crypto'
import { comparableText, forEachSyllable } from './shingles.js'

/**
 * The words of a text as compared for exact duplicates: normalised (NFC, one tone-mark placement),
 * lower case, punctuation dropped, one space between words. `"Hòa  bình!"` and `"hoà bình"` agree.
 */
export function contentKey(text: string): string {
  return contentKeyOfComparable(comparableText(text))
}

/** `contentKey` of an already comparable text. */
export function contentKeyOfComparable(s: string): string {
  let out = ''
  forEachSyllable(s, (start, end) => {
    out += out === '' ? s.slice(start, end) : ` ${s.slice(start, end)}`
  })
  return out
}

/**
 * SHA-256 (hex) of `contentKey(text)`: equal for texts that differ only in case, spacing, punctuation,
 * Unicode form or tone-mark placement, so a reformatted copy is found by an exact index lookup.
 */
export function contentHash(text: string): string {
  return sha256Hex(contentKey(text))
}

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
