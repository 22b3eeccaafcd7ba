import { keyValueTable } from '../report/markdown.js'
import type { BuiltImage } from './types.js'

/** The "Image" rows of the job summary: what was deployed, and what building it cost. */
export function imageSummaryRows(built: BuiltImage): [string, string][] {
  const rows: [string, string][] = [
    ['Reference', `\`${built.reference}\``],
    ['Digest', built.digest ? `\`${built.digest}\`` : 'not pushed'],
    ['Tags', built.tags.length ? built.tags.map((tag) => `\`${tag}\``).join(', ') : '—'],
  ]
  if (built.sizeBytes !== undefined)
    rows.push(['Size', `${formatBytes(built.sizeBytes)} (compressed, as stored in ECR)`])
  if (built.reused) {
    rows.push(['Build', 'skipped: the image for this commit was already pushed, and is reused'])
  } else {
    rows.push([
      'Build',
      `${formatSeconds(built.buildSeconds)} with ${built.builder === 'buildx' ? 'docker buildx' : 'docker build'}`,
    ])
    rows.push(['Push', built.digest ? formatSeconds(built.pushSeconds) : 'not pushed (push: false)'])
  }
  return rows
}

/** A markdown "### Image" section for the job summary. */
export function imageSummarySection(built: BuiltImage): string {
  return ['### Image', '', keyValueTable(imageSummaryRows(built))].join('\n')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
}
