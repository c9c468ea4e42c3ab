/** One image of the article body, with its caption (figcaption, else alt text). */
export interface ArticleImage {
  src: string
  caption: string
}

/** What extraction returns for one page: plain data, never a DOM. */
export interface ExtractedArticle {
  /** The canonical URL if the page names one, else the URL given, else null. */
  url: string | null
  title: string
  author: string | null
  /** ISO 8601 instant (UTC, `…Z`); Vietnamese wall-clock times are read as +07:00. */
  publishedAt: string | null
  updatedAt: string | null
  /** Two-letter language code ('vi', 'en', …) or null when unknown. */
  lang: string | null
  /** The sapo / standfirst paragraph; the page description when there is none. */
  lead: string
  /** Plain text, paragraphs separated by a blank line. Empty when the page holds no article. */
  articleBody: string
  /** The article as sanitized HTML (allowlist, absolute http(s) URLs only). */
  contentHtml: string
  images: ArticleImage[]
  siteName: string | null
  /** Why a field is empty or how it was obtained ('no-article', 'readability-fallback', …). */
  warnings: string[]
}

/** The fields the stable `haidang extract --format json` interface prints. */
export type ExtractedSummary = Pick<
  ExtractedArticle,
  'url' | 'title' | 'author' | 'publishedAt' | 'lang' | 'lead' | 'articleBody'
>

export const toSummary = (a: ExtractedArticle): ExtractedSummary => ({
  url: a.url,
  title: a.title,
  author: a.author,
  publishedAt: a.publishedAt,
  lang: a.lang,
  lead: a.lead,
  articleBody: a.articleBody,
})
