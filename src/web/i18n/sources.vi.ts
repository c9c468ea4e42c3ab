/** Vietnamese strings of the sources pages (merged into vi.ts; the same keys in sources.en.ts). */
export const sourcesVi = {} as const
