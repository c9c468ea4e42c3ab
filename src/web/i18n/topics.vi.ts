/** Vietnamese strings of the topics pages (merged into vi.ts; the same keys in topics.en.ts). */
export const topicsVi = {} as const
