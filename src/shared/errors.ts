/**
 * Every error the product raises on purpose, with a stable code, an HTTP status and a message key.
 * Callers match on `code`, never on message text. The user-facing text lives in the message catalogues
 * (src/web/i18n) under `error.<code>`; `message` here is for logs and the CLI.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_UNREACHABLE'
  | 'DB_LOCKED'
  | 'DB_MIGRATION_FAILED'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'RATE_LIMITED'
  | 'LOGIN_FAILED'
  | 'SETUP_DONE'
  | 'CONFLICT'
  | 'FETCH_BLOCKED'
  | 'FETCH_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'PARSE_FAILED'
  | 'QUERY_SYNTAX'
  | 'QUERY_TIMEOUT'
  | 'MODEL_MISSING'
  | 'INPUT_INVALID'
  | 'INTERNAL'

const STATUS: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  DB_UNREACHABLE: 503,
  DB_LOCKED: 503,
  DB_MIGRATION_FAILED: 500,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  RATE_LIMITED: 429,
  LOGIN_FAILED: 401,
  SETUP_DONE: 409,
  CONFLICT: 409,
  FETCH_BLOCKED: 422,
  FETCH_FAILED: 502,
  FETCH_TIMEOUT: 504,
  FETCH_TOO_LARGE: 413,
  PARSE_FAILED: 422,
  QUERY_SYNTAX: 400,
  QUERY_TIMEOUT: 503,
  MODEL_MISSING: 500,
  INPUT_INVALID: 400,
  INTERNAL: 500,
}

export interface FieldProblem {
  field: string
  /** message key, e.g. `field.required` */
  key: string
  params?: Record<string, string | number>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly fields: FieldProblem[]
  readonly details: Record<string, unknown>

  constructor(
    code: ErrorCode,
    message: string,
    opts: { cause?: unknown; fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.status = STATUS[code]
    this.fields = opts.fields ?? []
    this.details = opts.details ?? {}
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

export const appError = (
  code: ErrorCode,
  message: string,
  opts?: ConstructorParameters<typeof AppError>[2],
) => new AppError(code, message, opts)
