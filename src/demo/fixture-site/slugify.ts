import { foldText } from '../../text/fold.js'

/** Longest slug kept: long Vietnamese titles make URLs of 150+ characters otherwise. */
const MAX_SLUG_LENGTH = 80

/** `Giá cà phê hôm nay tăng 2.500 đồng/kg` → `gia-ca-phe-hom-nay-tang-2-500-dong-kg`. */
export function slugify(title: string): string {
  const s = foldText(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length <= MAX_SLUG_LENGTH) return s
  return s.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '')
}
