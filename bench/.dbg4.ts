import { readFileSync } from 'node:fs'
import { parseHTML } from 'linkedom'
import { Readability } from '@mozilla/readability'
const html = readFileSync(`/work/shared/data/readability-test-pages/${process.argv[2]}/source.html`,'utf8')
const { document } = parseHTML(html)
const logs: string[] = []
const orig = console.log
console.log = (...a: unknown[]) => { logs.push(a.map(x => typeof x === 'string' ? x : (x as {localName?: string; className?: string})?.localName + '.' + (x as {className?: string})?.className).join(' ')) }
new Readability(document as never, { debug: true }).parse()
console.log = orig
for (const l of logs) if (/Candidate|Removing|top candidate|Appending/i.test(l)) console.log(l.slice(0, 200))
