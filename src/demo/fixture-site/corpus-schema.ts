import { z } from 'zod'

/** How an outlet publishes its list of articles; decides which index the fixture site serves for it. */
export const Delivery = z.enum(['rss', 'atom', 'sitemap', 'listing'])
export type Delivery = z.infer<typeof Delivery>

/** The date line each outlet prints on its article pages (see `outlet-dates.ts`). */
export const DateStyle = z.enum(['weekday-gmt7', 'dash-time', 'portal-seconds', 'en-long', 'en-utc'])
export type DateStyle = z.infer<typeof DateStyle>

export const OutletDef = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** fictional `.example` hostname, shown on pages; never resolved */
  host: z.string().endsWith('.example'),
  /** where the fixture site serves the outlet, e.g. `/tin-tay-nguyen` */
  pathPrefix: z.string().regex(/^\/[a-z0-9-]+$/),
  kind: z.enum(['domestic', 'foreign', 'government', 'other']),
  country: z.string().regex(/^[A-Z]{2}$/),
  lang: z.enum(['vi', 'en']),
  delivery: Delivery,
  dateStyle: DateStyle,
  /** article URL under pathPrefix: `{section}`, `{slug}`, `{num}`, `{yyyy}`, `{mm}`, `{dd}` are filled in */
  articlePath: z.string().regex(/^\/[a-z0-9{}/.-]*$/),
  tagline: z.string(),
})
export type OutletDef = z.infer<typeof OutletDef>

export const OutletsFile = z.object({ note: z.string().optional(), outlets: z.array(OutletDef).min(1) })

export const Tone = z.enum(['positive', 'neutral', 'negative'])

/** One article of the demo corpus. Dates are relative (`ageHours`) so the demo always shows the last 60 days. */
export const CorpusArticle = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  outlet: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(['vi', 'en']),
  title: z.string().min(1),
  /** the sapo */
  lead: z.string().min(1),
  /** paragraphs of plain text (HTML only in the one `hostile` article) */
  body: z.array(z.string().min(1)).min(3).max(8),
  author: z.string().min(1),
  /** hours before load time at which the article was published */
  ageHours: z.number().nonnegative(),
  /** hours after publication at which it was last edited, when it was */
  updatedAfterHours: z.number().positive().optional(),
  /** intended labels, for checking the analysis later */
  topics: z.array(z.string()).min(1),
  places: z.array(z.string()),
  tone: Tone,
  /** breadcrumb section on the outlet's site */
  section: z.string(),
  /** caption of a figure placed after the second paragraph */
  figure: z.string().optional(),
  /** the same release reprinted by several outlets shares a group */
  syndicationGroup: z.string().optional(),
  /** the article this one reprints (the group's original) */
  reprintOf: z.string().optional(),
  /** an emerging story several articles belong to, e.g. `cu-pui-flood` */
  story: z.string().optional(),
  /** the one article whose body carries a script payload, emitted raw into its page */
  hostile: z.boolean().optional(),
})
export type CorpusArticle = z.infer<typeof CorpusArticle>

export const CorpusFile = z.object({
  note: z.string().optional(),
  articles: z.array(CorpusArticle).min(1),
})
