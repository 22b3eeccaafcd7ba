// Types of scripts/release.mjs, for the tests that import it.
export interface VersionTag {
  version: string
  major: string
  parts: [number, number, number]
}
export interface ReleasePosition {
  moveMajor: boolean
  latest: boolean
  keptAt?: string
}
export function parseVersionTag(tag: string): VersionTag | undefined
export function changelogSection(changelog: string, version: string): string | undefined
export function releasePosition(tag: string, existingTags: string[]): ReleasePosition
export function releaseProblems(release: { tag: string; packageVersion: string; changelog: string }): string[]
export function publishCommands(
  tag: string,
  notesFile: string,
  position: ReleasePosition,
  cliPackage?: string,
): string[][]
