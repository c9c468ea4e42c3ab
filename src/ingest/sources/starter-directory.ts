import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { projectDataDir } from '../../shared/paths.js'

const StarterOutlet = z.object({
  key: z.string(),
  name: z.string(),
  homepage: z.string().url(),
  country: z.string().length(2),
  lang: z.string().length(2),
  kind: z.enum(['domestic', 'foreign', 'government', 'other']),
  collection: z.string(),
  feeds: z.array(z.string().url()),
})
export type StarterOutlet = z.infer<typeof StarterOutlet>

/** The shipped directory of well-known outlets (data/sources/starter.json), read when asked. */
export function loadStarterDirectory(file = projectDataDir('sources', 'starter.json')): StarterOutlet[] {
  return z.object({ outlets: z.array(StarterOutlet) }).parse(JSON.parse(readFileSync(file, 'utf8'))).outlets
}
