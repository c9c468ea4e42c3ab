import type { LookupFunction } from 'node:net'

/** How the fetcher behaves; every limit has a safe default (see DEFAULTS in create-fetcher.ts). */
export interface FetcherOptions {
  userAgent?: string
  /** TCP/TLS connect limit per connection */
  connectTimeoutMs?: number
  /** time from sending the request to the end of the response headers */
  headersTimeoutMs?: number
  /** longest silence between two body chunks */
  bodyTimeoutMs?: number
  /** hard deadline for the whole fetch, redirects and body included (stops slow-drip servers) */
  totalTimeoutMs?: number
  /** largest body accepted, counted after decompression */
  maxBytes?: number
  maxRedirects?: number
  /**
   * Exceptions to the SSRF guard, for tests and the local demo only: exact `host:port` pairs
   * (`127.0.0.1:8080`, `[::1]:8080`, `localhost:8080`) or CIDR ranges (`10.0.0.0/8`).
   */
  allowPrivate?: readonly string[]
  /** name resolution override (tests); the guard still checks what it returns */
  lookup?: LookupFunction
}

export interface FetchRequest {
  /** validator from the last successful fetch: sends If-None-Match */
  etag?: string | null
  /** validator from the last successful fetch: sends If-Modified-Since */
  lastModified?: string | null
  accept?: string
  maxBytes?: number
  signal?: AbortSignal
}

export interface FetchResult {
  /** the final URL, after redirects */
  url: string
  status: number
  /** lowercased header names; repeated headers joined with ", " */
  headers: Record<string, string>
  /** the body after Content-Encoding is undone (empty on 304) */
  bytes: Uint8Array
  /** media type without parameters, lowercased, or null */
  contentType: string | null
  /** `charset` parameter of Content-Type, lowercased, or null */
  charset: string | null
  etag: string | null
  lastModified: string | null
  /** true when the server answered 304 to a conditional request */
  notModified: boolean
  /** ISO time the response started */
  fetchedAt: string
  elapsedMs: number
}

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchResult>
  close(): Promise<void>
}
