/** One dated line of a rollout (the watch's timeline entry). */
interface TimelineEntry {
  at: number
  message: string
}

/** A timeline line as the summary shows it: repeated routine events fold into their first one. */
export interface TimelineLine extends TimelineEntry {
  /** How many events this line stands for, and when the last of them came. */
  count: number
  lastAt: number
}

/** ECS's routine load-balancer events, which repeat once per task and drown the rest of a rollout. */
const ROUTINE = /\b(?:de)?registered \d+ targets? in\b|\bhas begun draining connections on \d+ tasks?\b/

/**
 * The timeline with each kind of routine event (the same message but for its count) shown once, where it
 * first came, with how many times it came; every other line stays as it was, in order.
 */
export function foldTimeline(timeline: TimelineEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = []
  const byKind = new Map<string, TimelineLine>()
  for (const entry of timeline) {
    const kind = ROUTINE.test(entry.message) ? entry.message.replace(/\b\d+ (?=targets?\b|tasks?\b)/g, 'N ') : undefined
    const folded = kind === undefined ? undefined : byKind.get(kind)
    if (folded) {
      folded.count++
      folded.lastAt = entry.at
      continue
    }
    const line = { ...entry, count: 1, lastAt: entry.at }
    if (kind !== undefined) byKind.set(kind, line)
    lines.push(line)
  }
  return lines
}
