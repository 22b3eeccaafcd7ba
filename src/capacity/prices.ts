// The prices the capacity preview's estimate uses: a small table shipped with the action, dated, and the config key
// `capacity-prices` that overrides it (inline values, or a JSON/YAML file inside the workspace holding the same keys).
//
// Source: AWS Fargate pricing, https://aws.amazon.com/fargate/pricing/ (on demand, Linux/X86 and Linux/ARM, US East
// (N. Virginia)), read 2026-12-07; the x86 vCPU rate matches the example on https://aws.amazon.com/ecs/pricing/
// ($0.000011244 per vCPU-second). Fargate Spot has no fixed price: AWS publishes the current one and promises "up to a
// 70% discount off the regular Fargate price"; the table takes those 70 % off the on-demand rates, so a Spot estimate
// is the lowest it can be. Other regions get capacity figures only, unless `capacity-prices` gives their rates.

export const PRICES_DATE = '2026-12-07'
export const PRICES_SOURCE = 'https://aws.amazon.com/fargate/pricing/'

/** The config key's name of each rate (USD per hour of one vCPU, or of one GB of memory), Linux. */
export const PRICE_KEYS = [
  'fargate-vcpu-hour',
  'fargate-gb-hour',
  'fargate-arm-vcpu-hour',
  'fargate-arm-gb-hour',
  'spot-vcpu-hour',
  'spot-gb-hour',
  'spot-arm-vcpu-hour',
  'spot-arm-gb-hour',
] as const

export type PriceKey = (typeof PRICE_KEYS)[number]
/** Rates by key; `capacity-prices` gives some of them for the region the environment deploys to. */
export type Prices = Partial<Record<PriceKey, number>>

const SPOT_SHARE = 0.3
const spot = (rate: number): number => Math.round(rate * SPOT_SHARE * 1e8) / 1e8

function region(x86: [number, number], arm: [number, number]): Prices {
  return {
    'fargate-vcpu-hour': x86[0],
    'fargate-gb-hour': x86[1],
    'fargate-arm-vcpu-hour': arm[0],
    'fargate-arm-gb-hour': arm[1],
    'spot-vcpu-hour': spot(x86[0]),
    'spot-gb-hour': spot(x86[1]),
    'spot-arm-vcpu-hour': spot(arm[0]),
    'spot-arm-gb-hour': spot(arm[1]),
  }
}

/** The shipped table, by region. */
export const PRICE_TABLE: Readonly<Record<string, Prices>> = {
  'us-east-1': region([0.04048, 0.004445], [0.03238, 0.00356]),
}

/** The problem with one key of a `capacity-prices` mapping (undefined: it is a price). */
export function priceProblem(key: string, value: unknown): string | undefined {
  if (!(PRICE_KEYS as readonly string[]).includes(key))
    return `is not a price; the keys are ${PRICE_KEYS.join(', ')} (USD per hour)`
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? undefined
    : `must be a price in USD per hour (a number ≥ 0), not ${JSON.stringify(value)}`
}

/** The rates for a region and where they come from, for the estimate's label. */
export interface PricesUsed {
  prices: Prices
  source: string
}

/** The region's rates: the table's, with the overrides over them. */
export function pricesFor(regionName: string, overrides?: Prices, from?: string): PricesUsed {
  const table = PRICE_TABLE[regionName] ?? {}
  const shipped = `AWS's published Fargate prices for ${regionName} (${PRICES_SOURCE}, read ${PRICES_DATE}; Spot at AWS's 70 % off)`
  const given = Object.keys(overrides ?? {}).length > 0
  const source = !given
    ? PRICE_TABLE[regionName]
      ? shipped
      : `none: the action's table has no prices for ${regionName}; give them with the config key capacity-prices`
    : `capacity-prices${from ? ` (${from})` : ''}${PRICE_TABLE[regionName] ? `, over ${shipped}` : ''}`
  return { prices: { ...table, ...overrides }, source }
}
