/** Vietnamese strings of the monitor pages (merged into vi.ts; the same keys in monitor.en.ts). */
export const monitorVi = {} as const
