import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { runSetup } from '../../src/accounts/setup.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { FixtureSite } from '../../src/demo/fixture-site/index.js'
import { loadDemo } from '../../src/demo/load-demo.js'
import { silentLogger } from '../../src/shared/logger.js'
import { buildApp } from '../../src/web/app.js'
import type { AppContext } from '../../src/web/context.js'
import { createTestDb, type TestDb } from '../support/databases.js'

/**
 * Debian's chromium (CI installs it with apt); Playwright never downloads a browser here.
 * E2E_CHROMIUM points elsewhere (another distribution's path).
 */
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Screenshots for people to look at; git-ignored. */
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts')

export const E2E_PASSWORD = 'mat-khau-trinh-duyet-01'

/**
 * Why browser tests would not run, or undefined when they can. Without chromium a developer's run
 * skips them, but CI must fail: there the tests run and `launchBrowser` throws a clear error.
 */
export function browserSkip(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI) return undefined
  return `${CHROMIUM} not found (apt install chromium); browser tests skipped`
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt install chromium) to run test/e2e`,
    )
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** A port that was free a moment ago: the demo press site needs a fixed port known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })
}

export interface E2eServer {
  baseUrl: string
  store: TestDb
  ctx: AppContext
  /** Loads the demo the way the setup form's box does (and `serve --demo`). */
  loadDemo(): Promise<void>
  close(): Promise<void>
}

/** The real app on loopback over a fresh SQLite file, with the demo loader wired as `serve` wires it. */
export async function startServer(): Promise<E2eServer> {
  const store = await createTestDb('sqlite')
  const config = loadConfig({
    env: { HAIDANG_LOG_LEVEL: 'silent', HAIDANG_DEMO_PORT: String(await freePort()) },
  })
  const log = silentLogger()
  const sites: FixtureSite[] = []
  const demo = async () => {
    sites.push(await loadDemo({ config, store, log }))
  }
  const ctx: AppContext = { config, store, log, loadDemo: demo }
  const app = await buildApp(ctx)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    ctx,
    loadDemo: demo,
    async close() {
      await app.close()
      for (const s of sites) await s.close()
      await store.dispose()
    },
  }
}

/** Sets up the office the demo would create, with an admin whose password the test knows. */
export async function setupDemoOffice(store: TestDb, email: string): Promise<void> {
  await runSetup(
    store.db,
    {
      officeName: 'Sở Ngoại vụ tỉnh Đắk Lắk (dữ liệu mẫu)',
      provinceName: 'Đắk Lắk',
      communeName: 'Phường Buôn Ma Thuột',
      email,
      name: 'Quản trị thử nghiệm',
      password: E2E_PASSWORD,
      passwordConfirm: E2E_PASSWORD,
    },
    null,
  )
}

export interface OfficeSession {
  browser: Browser
  server: E2eServer
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/**
 * What most browser tests start from: a browser, the app on loopback with the demo office set up
 * (and the demo press loaded unless `demo: false`), and its admin signed in on a fresh page.
 */
export async function officeSession(admin: string, opts: { demo?: boolean } = {}): Promise<OfficeSession> {
  const browser = await launchBrowser()
  let server: E2eServer | undefined
  try {
    server = await startServer()
    await setupDemoOffice(server.store, admin)
    if (opts.demo !== false) await server.loadDemo()
    const context = await browser.newContext()
    const page = await context.newPage()
    await loginViaForm(page, server.baseUrl, admin)
    const s = server
    return {
      browser,
      server: s,
      context,
      page,
      async close() {
        await browser.close()
        await s.close()
      },
    }
  } catch (e) {
    await browser.close()
    await server?.close()
    throw e
  }
}

/** Signs in through the login form and waits for the page it leads to. */
export async function loginViaForm(page: Page, baseUrl: string, email: string, password = E2E_PASSWORD) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(password)
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/login'),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ])
}

/** A full-page screenshot in test-artifacts/, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
