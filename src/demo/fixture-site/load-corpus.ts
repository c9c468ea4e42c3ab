import { readFileSync } from 'node:fs'
import { projectDataDir } from '../../shared/paths.js'
import { type CorpusArticle, CorpusFile, type OutletDef, OutletsFile } from './corpus-schema.js'

/** Where the generated corpus and the outlet list live. */
export const CORPUS_FILE = projectDataDir('demo', 'articles.json')
export const OUTLETS_FILE = projectDataDir('demo', 'outlets.json')

let outletsMemo: OutletDef[] | undefined
let corpusMemo: CorpusArticle[] | undefined

/** The demo's fictional outlets (`data/demo/outlets.json`), validated; read once. */
export function listOutlets(): OutletDef[] {
  outletsMemo ??= OutletsFile.parse(JSON.parse(readFileSync(OUTLETS_FILE, 'utf8'))).outlets
  return outletsMemo
}

/**
 * The demo press corpus (`data/demo/articles.json`), newest first, validated; read once.
 * Every article names a listed outlet.
 */
export function loadCorpus(): CorpusArticle[] {
  if (corpusMemo) return corpusMemo
  const articles = CorpusFile.parse(JSON.parse(readFileSync(CORPUS_FILE, 'utf8'))).articles
  const keys = new Set(listOutlets().map((o) => o.key))
  for (const a of articles) {
    if (!keys.has(a.outlet)) throw new Error(`demo article ${a.id} names unknown outlet ${a.outlet}`)
  }
  corpusMemo = articles
  return articles
}
