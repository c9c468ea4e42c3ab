import type { Locale } from '../i18n/i18n.js'

/**
 * A decimal as its readers write it: `3,5` in Vietnamese, `3.5` in English (grouping `1.234` / `1,234`).
 * `digits` decimals at most, `minDigits` at least (default: exactly `digits`).
 */
export const formatDecimal = (locale: Locale, x: number, digits: number, minDigits = digits) =>
  x.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: digits,
  })
