import { z } from 'zod'

const Driver = z.object({ label: z.string(), current: z.number() })
const Drivers = z.object({
  outlets: z.array(Driver).default([]),
  terms: z.array(Driver).default([]),
  places: z.array(Driver).default([]),
  stories: z.array(Driver).default([]),
})
const Stored = z.object({
  bullets: z.array(z.string()).default([]),
  detail: z.object({ drivers: Drivers.optional() }).passthrough().nullable().default(null),
})

export interface DriverLine {
  label: string
  /** articles with this feature on the judged day(s) */
  articles: number
}

/** What an alert page shows of why it fired: the e-mail's bullets and the drivers by kind. */
export interface AlertExplanation {
  bullets: string[]
  outlets: DriverLine[]
  terms: DriverLine[]
  places: DriverLine[]
  stories: DriverLine[]
}

const lines = (d: z.output<typeof Driver>[]) => d.map((x) => ({ label: x.label, articles: x.current }))

/** Reads an alert's stored `explanation_json`; anything damaged or older reads as "no detail". */
export function readExplanation(json: string): AlertExplanation {
  let raw: unknown = null
  try {
    raw = JSON.parse(json)
  } catch {
    raw = null
  }
  const parsed = Stored.safeParse(raw)
  const s = parsed.success ? parsed.data : { bullets: [], detail: null }
  const d = s.detail?.drivers
  return {
    bullets: s.bullets,
    outlets: lines(d?.outlets ?? []),
    terms: lines(d?.terms ?? []),
    places: lines(d?.places ?? []),
    stories: lines(d?.stories ?? []),
  }
}
