import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'

const ASSET_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets')
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

/** Self-hosted static files (no CDN): our CSS and JS, and htmx from its npm package. Read once. */
export function registerAssets(app: FastifyInstance) {
  const require = createRequire(import.meta.url)
  const files: Record<string, string> = {
    'app.css': readFileSync(join(ASSET_DIR, 'app.css'), 'utf8'),
    'app.js': readFileSync(join(ASSET_DIR, 'app.js'), 'utf8'),
    'htmx.min.js': readFileSync(
      join(dirname(require.resolve('htmx.org/package.json')), 'dist', 'htmx.min.js'),
      'utf8',
    ),
  }
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { config: { access: 'public' } },
    async (req, reply) => {
      const body = files[req.params.name]
      if (body === undefined) return reply.callNotFound()
      const ext = req.params.name.slice(req.params.name.lastIndexOf('.'))
      return reply
        .type(TYPES[ext] ?? 'application/octet-stream')
        .header('cache-control', 'public, max-age=3600')
        .send(body)
    },
  )
}
