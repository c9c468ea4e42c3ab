import type { topicsVi } from './topics.vi.js'

/** English strings of the topics pages, under the keys of topics.vi.ts. */
export const topicsEn: Record<keyof typeof topicsVi, string> = {}
