import { sharedDataDir } from '../../shared/paths.js'
import { readConllu, readJavaStringSet, readUnderscoreCorpus } from './corpus.js'
import { buildDictionary, buildLexicon } from './dictionary.js'
import { SegmenterModel } from './model.js'
import { trainWeights } from './train.js'

/** 2^18 weight slots: 1 MB of floats stays in cache (2^20 was slower for +0.0 F1 on dev). */
const BITS = 18
/** Dev F1 flattens after ~15 passes. */
const EPOCHS = 15
/** Jackknifed dictionaries: training sentences see only words from the other folds + VnVocab. */
const FOLDS = 10
const SEED = 20190313
/** A folded syllable must occur this often to enter the language-id lexicon (drops typos, names). */
const LEXICON_MIN_COUNT = 2

export interface TrainedSegmenter {
  model: SegmenterModel
  meta: Record<string, unknown>
}

/**
 * Trains the shipped segmenter from the reference data, read in place: UD Vietnamese-VTB train,
 * RDRsegmenter's gold text and its VnVocab word list. Never reads the dev set. Deterministic.
 */
export function trainSegmenterModel(log: (line: string) => void = () => {}): TrainedSegmenter {
  const ud = readConllu(sharedDataDir('ud-vtb', 'vi_vtb-ud-train.conllu'))
  const rdr = readUnderscoreCorpus(sharedDataDir('rdrsegmenter', 'train', 'Train_gold.txt'))
  const vocab = readJavaStringSet(sharedDataDir('rdrsegmenter', 'VnVocab'))
  const train = [...ud, ...rdr]
  const dicts = Array.from({ length: FOLDS }, (_, k) =>
    buildDictionary(train, vocab, { skipFold: k, folds: FOLDS }),
  )
  const weights = trainWeights(train, dicts, {
    bits: BITS,
    epochs: EPOCHS,
    seed: SEED,
    onEpoch: (e, errors, gaps) => log(`epoch ${e + 1}/${EPOCHS}: ${errors} errors / ${gaps} gaps`),
  })
  const model = new SegmenterModel(
    BITS,
    weights,
    buildDictionary(train, vocab),
    buildLexicon(train, vocab, LEXICON_MIN_COUNT),
  )
  const meta = {
    trainedOn: ['ud-vtb train', 'rdrsegmenter Train_gold', 'VnVocab'],
    sentences: train.length,
    epochs: EPOCHS,
    folds: FOLDS,
    seed: SEED,
  }
  return { model, meta }
}
