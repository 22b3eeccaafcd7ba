// Runs the bundled action in this process and, as it exits, writes its peak memory (max RSS, KiB)
// to the file named by the first argument: the same code path as `node dist/index.js`.
import { writeFileSync } from 'node:fs'

const [, , rssFile] = process.argv
process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)))
await import('../dist/index.js')
