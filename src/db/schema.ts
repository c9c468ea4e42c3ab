import type { Generated } from 'kysely'

/**
 * The database as Kysely sees it, identical on SQLite and PostgreSQL. Portable types only:
 * timestamps are ISO-8601 UTC strings (they sort and compare as text on both), booleans are 0/1
 * integers, JSON is text. Each domain adds its tables here and a migration under ./migrations.
 */
export interface RolesTable {
  name: string
  rank: number
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: string
  password_hash: string
  locale: string
  disabled: number
  created_at: string
  updated_at: string
  last_login_at: string | null
}

export interface SessionsTable {
  /** SHA-256 of the random token held in the cookie; the token itself is never stored. */
  id: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  ip: string | null
  user_agent: string | null
}

export interface LoginAttemptsTable {
  id: Generated<number>
  /** `email:<lowercased email>` or `ip:<address>` */
  key: string
  at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  user_id: number | null
  actor: string
  action: string
  entity: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
}

export interface LocalitiesTable {
  id: Generated<number>
  level: 'country' | 'province' | 'commune'
  code: string | null
  name: string
  name_en: string | null
  parent_id: number | null
  /** Gazetteer place id, when the locality is matched to one. */
  place_id: string | null
  is_home: number
  created_at: string
}

export interface SettingsTable {
  key: string
  value_json: string
  updated_at: string
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed'

export interface JobsTable {
  id: Generated<number>
  task: string
  payload_json: string
  status: JobStatus
  /** Jobs with the same queue name run one at a time (e.g. one queue per fetched host). */
  queue: string | null
  job_key: string | null
  attempts: number
  max_attempts: number
  run_at: string
  locked_at: string | null
  locked_by: string | null
  last_error: string | null
  created_at: string
  updated_at: string
}

/** One row per fired schedule slot: whoever inserts it first runs that slot, across all processes. */
export interface ScheduleSlotsTable {
  key: string
  created_at: string
}

export type SourceKind = 'domestic' | 'foreign' | 'government' | 'other'
export type FeedKind = 'feed' | 'sitemap' | 'listing'

export interface SourcesTable {
  id: Generated<number>
  name: string
  homepage: string
  /** ISO 3166-1 alpha-2 */
  country: string
  lang: string
  kind: SourceKind
  collection: string | null
  /** 0 until the first successful fetch of one of its feeds */
  verified: number
  enabled: number
  created_at: string
  updated_at: string
}

export interface FeedsTable {
  id: Generated<number>
  source_id: number
  url: string
  kind: FeedKind
  format: string | null
  title: string | null
  /** listing pages: CSS selector of article links */
  selector: string | null
  interval_minutes: number
  enabled: number
  etag: string | null
  last_modified: string | null
  last_checked_at: string | null
  last_success_at: string | null
  next_check_at: string
  /** graded failure count: hard +1, soft +0.5, temporary +0.25; reset on success */
  failures: number
  last_error: string | null
  last_error_code: string | null
  last_error_grade: string | null
  items_seen: number
  created_at: string
}

export interface ArticlesTable {
  id: Generated<number>
  source_id: number
  feed_id: number | null
  url: string
  canonical_url: string
  title: string
  author: string | null
  published_at: string | null
  modified_at: string | null
  fetched_at: string
  lang: string
  lead: string
  body_text: string
  /** sanitized HTML (allowlist), safe to render */
  content_html: string
  image_url: string | null
  word_count: number
  content_hash: string
  /** 64-bit SimHash as 16 hex digits, and its four 16-bit bands for candidate lookup */
  simhash: string
  sim_b0: number
  sim_b1: number
  sim_b2: number
  sim_b3: number
  /** MinHash bands (candidate lookup), signature (verification) and shingle count: see ingest/dedupe */
  mh_b0: number
  mh_b1: number
  mh_b2: number
  mh_b3: number
  minhash: Uint8Array
  shingles: number
  /** the representative of this article's syndication group, null if it is one */
  dup_of: number | null
  warnings: string | null
  created_at: string
  // analysis (0200): null until analyzed
  analyzed_at: string | null
  analysis_error: string | null
  lang_reason: string | null
  /** −10…+10 */
  tone: number | null
  /** drivers and sentence-level tone, JSON */
  tone_json: string | null
  /** 0…1 relevance to the office's home locality */
  home_score: number | null
  /** the most specific home scope the article names: 'commune' | 'province' | 'country' */
  home_level: string | null
  news_topic: string | null
  news_score: number | null
  story_id: number | null
}

export interface ArticlePlacesTable {
  article_id: number
  place_id: string
  name: string
  level: string
  in_title: number
  in_lead: number
  mentions: number
  confidence: number
}

export interface ArticleTopicsTable {
  article_id: number
  /** office taxonomy id (`sensitive.east_sea`), `news:<label>`, or `user:<id>` */
  topic: string
  source: 'rule' | 'model' | 'user'
  score: number
  why_json: string | null
}

export interface StoriesTable {
  id: Generated<number>
  lang: string
  title: string
  first_seen: string
  last_seen: string
  article_count: number
  centroid_json: string
  keys_json: string
}

export interface StoryLinksTable {
  story_id: number
  other_id: number
  shared_json: string
}

export interface PlacesTable {
  id: string
  code: string
  level: string
  era: string
  name: string
  name_en: string | null
  type: string
  parent_id: string | null
  record_json: string
}

export interface UserTopicsTable {
  id: Generated<number>
  name: string
  description: string | null
  owner_id: number | null
  model_json: string | null
  metrics_json: string | null
  trained_at: string | null
  created_at: string
}

export interface TopicLabelsTable {
  topic_id: number
  article_id: number
  /** 1 = about the topic, 0 = not */
  label: number
  user_id: number | null
  created_at: string
}

export interface ArticleRawTable {
  article_id: number
  fetched_at: string
  final_url: string
  http_status: number
  content_type: string | null
  sha256: string
  html_gz: Uint8Array
}

export type TriageStatus = 'new' | 'seen' | 'needs_response' | 'in_progress' | 'responded' | 'ignored'

export interface TriageItemsTable {
  article_id: number
  status: TriageStatus
  assignee_id: number | null
  tags_json: string
  notes: string
  updated_at: string
  updated_by: number | null
}

export interface Database {
  roles: RolesTable
  users: UsersTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  audit_log: AuditLogTable
  localities: LocalitiesTable
  settings: SettingsTable
  jobs: JobsTable
  schedule_slots: ScheduleSlotsTable
  sources: SourcesTable
  feeds: FeedsTable
  articles: ArticlesTable
  article_raw: ArticleRawTable
  article_places: ArticlePlacesTable
  article_topics: ArticleTopicsTable
  stories: StoriesTable
  story_links: StoryLinksTable
  places: PlacesTable
  user_topics: UserTopicsTable
  topic_labels: TopicLabelsTable
  triage_items: TriageItemsTable
  // search (0300-search): begin
  search_docs: SearchDocsTable
  saved_searches: SavedSearchesTable
  // search: end
}

// search (0300-search): begin
/** One row per indexed article: filter and facet fields copied from articles/sources (see src/search). */
export interface SearchDocsTable {
  article_id: number
  source_id: number
  country: string
  lang: string
  /** published_at, or fetched_at when unknown (ISO UTC) */
  published_at: string
  /** the Viet Nam calendar day of published_at, `2019-03-01` */
  day: string
  tone: number | null
  indexed_at: string
}

export interface SavedSearchesTable {
  id: Generated<number>
  name: string
  query: string
  owner_id: number | null
  shared: number
  sort: 'date' | 'relevance'
  /** SHA-256 of the token in the feed/JSON URLs; the token itself is shown once */
  feed_token_hash: string
  created_at: string
  updated_at: string
}
// search: end
