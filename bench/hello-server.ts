// Baseline for bench/server.ts: a bare Fastify hello-world route, nothing else.
import Fastify from 'fastify'

const app = Fastify()
app.get('/', async () => 'hello')
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) })
const addr = app.server.address()
process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : ''}\n`)
