import { en } from './en.js'
import { type MessageKey, vi } from './vi.js'

export type Locale = 'vi' | 'en'
export type { MessageKey }
export const LOCALES: readonly Locale[] = ['vi', 'en']
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { vi, en }

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string

/** A translator for one locale. Unknown keys show the key itself, so a gap is visible, not blank. */
export function translator(locale: Locale): Translate {
  const cat = CATALOGUES[locale]
  return (key, params) => {
    const text = (cat as Record<string, string>)[key] ?? (vi as Record<string, string>)[key] ?? key
    return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text
  }
}

export const isLocale = (v: unknown): v is Locale => v === 'vi' || v === 'en'
