// The capacity preview in words: a table for the job summary and lines for the log, labelled as an estimate.
import type { CapacityPreview, Fleet } from './preview.js'

/** Hours in AWS's pricing month. */
const MONTH_HOURS = 730

const usd = (n: number): string => (n === 0 ? '$0' : `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`)
const signed = (n: number, text: (n: number) => string): string =>
  n > 0 ? `+${text(n)}` : n < 0 ? `−${text(-n)}` : text(0)
const figure = (n: number): string => String(Math.round(n * 1000) / 1000)

function row(label: string, f: Fleet, month: boolean): string {
  const hour = f.usdPerHour === undefined ? '—' : usd(f.usdPerHour)
  const perMonth = !month || f.usdPerHour === undefined ? '—' : usd(f.usdPerHour * MONTH_HOURS)
  return `| ${label} | ${f.tasks} | ${figure(f.vcpu)} | ${figure(f.memoryGb)} GB | ${hour} | ${perMonth} |`
}

function changeRow(now: Fleet, after: Fleet): string {
  const priced = now.usdPerHour !== undefined && after.usdPerHour !== undefined
  const cost = (hours: number): string =>
    priced ? signed(((after.usdPerHour ?? 0) - (now.usdPerHour ?? 0)) * hours, usd) : '—'
  return `| change | ${signed(after.tasks - now.tasks, figure)} | ${signed(after.vcpu - now.vcpu, figure)} | ${signed(after.memoryGb - now.memoryGb, figure)} GB | ${cost(1)} | ${cost(MONTH_HOURS)} |`
}

/** The summary's section: steady state before and after, the change, and the peak during the rollout. */
export function capacitySection(c: CapacityPreview): string[] {
  return [
    '#### Capacity and cost (estimate)',
    '',
    '| | tasks | vCPU | memory | per hour | per month (730 h) |',
    '| --- | --- | --- | --- | --- | --- |',
    row('now', c.now, true),
    row('after the deploy', c.after, true),
    changeRow(c.now, c.after),
    row('peak during the rollout', c.peak, false),
    '',
    `Peak: ${c.peakWhy}. Runs on ${c.launch}. Prices: ${c.prices}.`,
    '',
    'An estimate of compute only (USD): storage beyond 20 GB, data transfer, load balancers, logs, taxes and savings plans are not counted.',
    '',
  ]
}

/** The log's lines. */
export function capacityLogLines(c: CapacityPreview): string[] {
  const cost = (f: Fleet): string => (f.usdPerHour === undefined ? '' : `, ${usd(f.usdPerHour)}/h`)
  const fleet = (f: Fleet): string =>
    `${f.tasks} task${f.tasks === 1 ? '' : 's'}, ${figure(f.vcpu)} vCPU, ${figure(f.memoryGb)} GB${cost(f)}`
  return [
    `capacity (estimate): now ${fleet(c.now)}; after ${fleet(c.after)}; peak ${fleet(c.peak)} (${c.peakWhy})`,
    `  on ${c.launch}; prices: ${c.prices}`,
  ]
}
