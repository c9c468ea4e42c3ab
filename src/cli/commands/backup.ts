import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import SqliteDriver from 'better-sqlite3'
import type { Command } from 'commander'
import { openDatabase, redactUrl } from '../../db/database.js'
import { AppError } from '../../shared/errors.js'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'
import { progress } from '../progress.js'

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`

export function registerBackup(program: Command, t: CliT) {
  program
    .command('backup <file>')
    .description(t('backup.description'))
    .option('--db <db>', t('opt.db'))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const { config, log } = commandContext(cmd)
      if (config.databaseUrl.startsWith('postgres')) {
        process.stdout.write(`${t('backup.pg_hint', { file, url: redactUrl(config.databaseUrl) })}\n`)
        return
      }
      const store = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
      try {
        // SQLite's online backup: consistent while the server keeps running and writing.
        let bar: ReturnType<typeof progress> | undefined
        await store.sqlite!.backup(resolve(file), {
          progress: ({ totalPages, remainingPages }) => {
            bar ??= progress('backup', totalPages, log)
            bar.tick(totalPages - remainingPages - 0)
            return 2000
          },
        })
        bar?.stop()
        process.stdout.write(`${t('backup.done', { file, size: mb(statSync(file).size) })}\n`)
      } finally {
        await store.close()
      }
    })

  program
    .command('restore <file>')
    .description(t('restore.description'))
    .option('--db <db>', t('opt.db'))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const { config } = commandContext(cmd)
      if (config.databaseUrl.startsWith('postgres')) {
        process.stdout.write(`${t('restore.pg_hint', { file, url: redactUrl(config.databaseUrl) })}\n`)
        return
      }
      assertHaidangBackup(file)
      const store = await openDatabase({
        url: config.databaseUrl,
        dataDir: config.dataDir,
        busyTimeoutMs: 200,
      })
      const target = store.location
      try {
        // An exclusive lock proves no server or worker is using the file right now.
        store.sqlite!.exec('BEGIN EXCLUSIVE; COMMIT;')
        store.sqlite!.pragma('wal_checkpoint(TRUNCATE)')
      } catch (e) {
        await store.close()
        throw new AppError('DB_LOCKED', `${target} is in use: stop the server and workers first`, {
          cause: e,
        })
      }
      await store.close()
      copyFileSync(resolve(file), `${target}.restoring`)
      for (const ext of ['-wal', '-shm']) if (existsSync(target + ext)) rmSync(target + ext)
      renameSync(`${target}.restoring`, target)
      process.stdout.write(`${t('restore.done', { file })}\n`)
    })
}

/** Refuses files that are not a SQLite database holding Hải Đăng's tables, before touching anything. */
function assertHaidangBackup(file: string) {
  try {
    const db = new SqliteDriver(resolve(file), { readonly: true, fileMustExist: true })
    try {
      const ok = db.pragma('quick_check', { simple: true })
      const users = db.prepare("select name from sqlite_master where type='table' and name='users'").get()
      if (ok !== 'ok' || !users) throw new Error('not a Hải Đăng database')
    } finally {
      db.close()
    }
  } catch (e) {
    throw new AppError('INPUT_INVALID', `${file} is not a usable Hải Đăng backup: ${(e as Error).message}`, {
      cause: e,
    })
  }
}
