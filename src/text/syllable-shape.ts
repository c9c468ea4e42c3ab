/**
 * Could this word, written without diacritics, be a Vietnamese syllable? An initial consonant (or
 * none), one to three vowels, a final consonant (or none): `an`, `the`, `so`, `to`, `nghieng` are
 * (`an`, `thể`, `số`, `tổ`, `nghiêng`); `and`, `of`, `is`, `with`, `for` are not. Said of the shape
 * only: it tells an English function word that a reader typing Vietnamese without accents may mean
 * as a syllable (`cong an`, `the thao`, `chuyen doi so`) from one no Vietnamese word is spelt as.
 */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/

export function couldBeVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(word.toLowerCase())
}
