const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** Milliseconds in a duration written `30m`, `12h` or `7d`; undefined when it is not written so. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([mhd])$/.exec(text.trim())
  if (!match?.[1] || !match[2]) return undefined
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
  return ms > 0 ? ms : undefined
}

/** `3d 4h` style: the largest two units of an elapsed time, for reasons people read. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  const parts = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor(minutes / 60) % 24, 'h'],
    [minutes % 60, 'm'],
  ] as const
  const first = parts.findIndex(([n]) => n > 0)
  if (first === -1) return '0m'
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ')
}
