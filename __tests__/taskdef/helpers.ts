import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory standing in for the workspace. */
export function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'taskdef-'))
}

/** Writes `text` to `name` in `dir` and returns `name`, the path relative to the workspace. */
export function writeTemplate(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return name
}

export const fixtures = new URL('./fixtures/', import.meta.url).pathname
