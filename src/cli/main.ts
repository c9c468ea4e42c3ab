// The `haidang` entry point: the only module that runs on import.
import { main } from './cli.js'

await main()
