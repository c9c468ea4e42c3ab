import type { monitorVi } from './monitor.vi.js'

/** English strings of the monitor pages, under the keys of monitor.vi.ts. */
export const monitorEn: Record<keyof typeof monitorVi, string> = {}
