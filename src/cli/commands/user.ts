import { randomBytes } from 'node:crypto'
import type { Command } from 'commander'
import { createUser } from '../../accounts/create-user.js'
import { setUserPassword, setUserRole } from '../../accounts/manage-user.js'
import { openDatabase } from '../../db/database.js'
import { migrateToLatest } from '../../db/migrate.js'
import { findUserByEmail, listUsers } from '../../db/tables/users.js'
import { AppError } from '../../shared/errors.js'
import { formatDateTime } from '../../shared/time.js'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

const CLI_ACTOR = { userId: null, actor: 'cli' }

async function readPasswordLine(): Promise<string> {
  let data = ''
  for await (const chunk of process.stdin) {
    data += String(chunk)
    if (data.includes('\n')) break
  }
  return data.split(/\r?\n/)[0] ?? ''
}

/** A generated password: 18 random bytes, shown once, never stored in clear. */
const generatePassword = () => randomBytes(18).toString('base64url')

async function withStore<T>(cmd: Command, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const { config } = commandContext(cmd)
  const store = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(store.db, store.dialect)
    return await fn(store)
  } finally {
    await store.close()
  }
}

export function registerUser(program: Command, t: CliT) {
  const user = program.command('user').description(t('user.description'))
  user
    .command('add')
    .description(t('user.add'))
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--role <role>', 'admin|leader|editor|analyst|viewer', 'analyst')
    .option('--password-stdin', t('user.password_stdin'))
    .option('--db <db>', t('opt.db'))
    .action(
      async (o: { email: string; name: string; role: string; passwordStdin?: boolean }, cmd: Command) => {
        const password = o.passwordStdin ? await readPasswordLine() : generatePassword()
        await withStore(cmd, async (s) => {
          const u = await createUser(
            s.db,
            { email: o.email, name: o.name, role: o.role, password },
            CLI_ACTOR,
          )
          process.stdout.write(`${t('user.created', { email: u.email, role: u.role })}\n`)
          if (!o.passwordStdin) process.stdout.write(`${t('user.generated', { password })}\n`)
        })
      },
    )
  user
    .command('list')
    .description(t('user.list'))
    .option('--db <db>', t('opt.db'))
    .action(async (_o: unknown, cmd: Command) => {
      await withStore(cmd, async (s) => {
        for (const u of await listUsers(s.db, { limit: 10_000 })) {
          const last = u.last_login_at ? formatDateTime(u.last_login_at) : '-'
          process.stdout.write(
            `${u.id}\t${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${last}\t${u.name}\n`,
          )
        }
      })
    })
  user
    .command('set-role <email> <role>')
    .description(t('user.set_role'))
    .option('--db <db>', t('opt.db'))
    .action(async (email: string, role: string, _o: unknown, cmd: Command) => {
      await withStore(cmd, async (s) => {
        const u = await findUserByEmail(s.db, email)
        if (!u) throw new AppError('NOT_FOUND', t('user.not_found', { email }))
        await setUserRole(s.db, u.id, role, CLI_ACTOR)
        process.stdout.write(`${t('user.updated', { email: u.email })}\n`)
      })
    })
  user
    .command('reset-password <email>')
    .description(t('user.reset_password'))
    .option('--password-stdin', t('user.password_stdin'))
    .option('--db <db>', t('opt.db'))
    .action(async (email: string, o: { passwordStdin?: boolean }, cmd: Command) => {
      const password = o.passwordStdin ? await readPasswordLine() : generatePassword()
      await withStore(cmd, async (s) => {
        const u = await findUserByEmail(s.db, email)
        if (!u) throw new AppError('NOT_FOUND', t('user.not_found', { email }))
        await setUserPassword(s.db, u.id, password, CLI_ACTOR)
        process.stdout.write(`${t('user.updated', { email: u.email })}\n`)
        if (!o.passwordStdin) process.stdout.write(`${t('user.generated', { password })}\n`)
      })
    })
}
