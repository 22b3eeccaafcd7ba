// `capacity-prices` as the environment gives it: inline rates, or the path of a JSON/YAML file of the workspace with them.
import { UserError } from '../common/errors.js'
import { loadDocument } from '../taskdef/template-file.js'
import { PRICE_KEYS, priceProblem, pricesFor, type Prices, type PricesUsed } from './prices.js'

/** The rates for the run's region: the shipped table's, under the environment's `capacity-prices`. */
export async function capacityPrices(
  given: string | Prices | undefined,
  region: string,
  workspace: string,
): Promise<PricesUsed> {
  if (typeof given !== 'string') return pricesFor(region, given, given && 'the config file')
  const { data } = await loadDocument(given, {}, workspace, { input: 'capacity-prices', what: 'capacity prices file' })
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new UserError(
      `Config key \`capacity-prices\`: ${given} must hold a mapping of rates (USD per hour), e.g. fargate-vcpu-hour: 0.04048; the keys are ${PRICE_KEYS.join(', ')}.`,
    )
  for (const [key, value] of Object.entries(data)) {
    const problem = priceProblem(key, value)
    if (problem) throw new UserError(`Config key \`capacity-prices\`: ${key} in ${given} ${problem}.`)
  }
  return pricesFor(region, data as Prices, given)
}
