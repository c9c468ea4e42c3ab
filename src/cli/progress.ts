import cliProgress from 'cli-progress'
import type { Logger } from '../shared/logger.js'

export interface Progress {
  tick(n?: number): void
  setTotal(total: number): void
  stop(): void
}

/** How often, in items, a non-TTY run logs a progress line. */
const LOG_EVERY = 1000

/** A progress bar on a terminal; plain, periodic log lines otherwise (CI, pipes, files). */
export function progress(label: string, total: number, log: Logger): Progress {
  let done = 0
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% {value}/{total} · {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0)
    return { tick: (n = 1) => bar.increment(n), setTotal: (t) => bar.setTotal(t), stop: () => bar.stop() }
  }
  return {
    tick(n = 1) {
      const before = Math.floor(done / LOG_EVERY)
      done += n
      if (Math.floor(done / LOG_EVERY) > before) log.info({ task: label, done, total }, 'progress')
    },
    setTotal(t) {
      total = t
    },
    stop: () => log.info({ task: label, done, total }, 'finished'),
  }
}
