// Runs the bundled action (dist/index.js, or the entry named by the second argument) in this process and, as it exits,
// writes its peak memory (max RSS, KiB) to the file named by the first argument: the same code path as `node <entry>`.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [, , rssFile, entry] = process.argv
process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)))
await import(entry ? pathToFileURL(entry).href : '../dist/index.js')
