// Entry of a worker thread: the product runs from its TypeScript sources through tsx, whose loader
// a worker does not inherit, so the worker registers it and then loads its real entry.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
