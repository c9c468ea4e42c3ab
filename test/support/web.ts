import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createUser } from '../../src/accounts/create-user.js'
import { runSetup } from '../../src/accounts/setup.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { DialectName } from '../../src/db/dialect.js'
import type { Role } from '../../src/db/tables/users.js'
import { createLogger, silentLogger } from '../../src/shared/logger.js'
import { buildApp } from '../../src/web/app.js'
import type { AppContext } from '../../src/web/context.js'
import { createTestDb, type TestDb } from './databases.js'

export const PASSWORD = 'mat-khau-thu-nghiem-01'

/** A browser-like client over app.inject: keeps cookies, reads the CSRF token from pages. */
export class Client {
  cookies = new Map<string, string>()
  csrf = ''
  constructor(readonly app: FastifyInstance) {}

  #cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  #keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (m?.[1]) this.csrf = m[1]
    return res
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.#keep(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.#cookieHeader(), ...headers } }),
    )
  }

  async post(url: string, form: Record<string, string>, opts: { csrf?: string | null } = {}) {
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    const body = new URLSearchParams({ ...form, ...(token === null ? {} : { _csrf: token }) }).toString()
    return this.#keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { cookie: this.#cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    )
  }

  /** Signs in through the real login form. */
  async login(email: string, password = PASSWORD) {
    await this.get('/login')
    return this.post('/login', { email, password })
  }
}

export interface TestApp {
  app: FastifyInstance
  t: TestDb
  ctx: AppContext
  client(): Client
  /** A signed-in client for a user of the role (created on first use). */
  as(role: Role): Promise<Client>
  close(): Promise<void>
}

export async function createTestApp(
  dialect: DialectName,
  opts: { setup?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const t = await createTestDb(dialect)
  const config = loadConfig({ env: { HAIDANG_LOG_LEVEL: 'silent', ...(opts.env ?? {}) } })
  const ctx: AppContext = {
    config,
    store: t,
    log: process.env.HD_DEBUG ? createLogger({ level: 'error' }) : silentLogger(),
  }
  if (opts.setup !== false) {
    await runSetup(
      t.db,
      {
        officeName: 'Sở Ngoại vụ',
        email: 'admin@test.vn',
        name: 'Admin',
        password: PASSWORD,
        passwordConfirm: PASSWORD,
        provinceName: 'Đắk Lắk',
      },
      null,
    )
  }
  const app = await buildApp(ctx)
  const made = new Set<string>(['admin'])
  return {
    app,
    t,
    ctx,
    client: () => new Client(app),
    async as(role) {
      const email = `${role}@test.vn`
      if (!made.has(role)) {
        await createUser(
          t.db,
          { email, name: role, role, password: PASSWORD },
          { userId: null, actor: 'test' },
        )
        made.add(role)
      }
      const c = new Client(app)
      const res = await c.login(email)
      if (res.statusCode !== 302) throw new Error(`login as ${role} failed: ${res.statusCode}`)
      await c.get('/profile')
      return c
    },
    async close() {
      await app.close()
      await t.dispose()
    },
  }
}
