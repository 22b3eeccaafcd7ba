// A failed run on the runner: its error, shown on the file and line it is about when it knows them (GitHub puts such
// an annotation on the file in the pull request), else as the step's plain error.
import * as core from '@actions/core'
import path from 'node:path'
import type { FileLocation } from '../common/errors.js'

/** A location as @actions/core's annotation properties: the path relative to the workspace, with `/`. */
export function annotationProperties(location: FileLocation, workspace: string): core.AnnotationProperties {
  const relative = path.relative(workspace, path.resolve(workspace, location.file))
  const file = relative.startsWith('..') || path.isAbsolute(relative) ? location.file : relative
  return {
    file: file.split(path.sep).join('/'),
    startLine: location.line,
    ...(location.column !== undefined && { startColumn: location.column }),
  }
}

/**
 * Fails the step with `message`: on the first location when there is one, and each further location gets its own
 * annotation (its problem alone), so every line named in the message is marked in the file.
 */
export function failStep(message: string, locations: readonly FileLocation[], workspace: string): void {
  const [first, ...rest] = locations
  if (!first) return core.setFailed(message)
  process.exitCode = 1 // what core.setFailed sets (core.ExitCode.Failure)
  core.error(message, annotationProperties(first, workspace))
  for (const location of rest) core.error(location.message, annotationProperties(location, workspace))
}
