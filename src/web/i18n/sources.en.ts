import type { sourcesVi } from './sources.vi.js'

/** English strings of the sources pages, under the keys of sources.vi.ts. */
export const sourcesEn: Record<keyof typeof sourcesVi, string> = {}
