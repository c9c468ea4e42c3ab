import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository (or installed package) root: two levels above this file. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Files the project ships: gazetteer, stopwords, trained models, demo corpus. */
export const projectDataDir = (...parts: string[]) => resolve(PROJECT_ROOT, 'data', ...parts)

/**
 * Third-party data sets read in place (never copied into the repo): `../shared/data` beside the
 * checkout, or HAIDANG_SHARED_DATA. Used by training commands, benchmarks and some tests.
 */
export const sharedDataDir = (...parts: string[]) =>
  resolve(process.env.HAIDANG_SHARED_DATA ?? resolve(PROJECT_ROOT, '..', 'shared', 'data'), ...parts)
