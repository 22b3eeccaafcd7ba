// The CloudWatch call the canary analysis makes: GetMetricData, every page, named by the IAM action it needs.
import type {
  CloudWatchClient,
  GetMetricDataCommandInput,
  MetricDataQuery,
  MetricDataResult,
} from '@aws-sdk/client-cloudwatch'
import { awsCall } from './errors.js'
import { everyPage } from './pages.js'

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => import('@aws-sdk/client-cloudwatch')

export type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch'

/** The values of each query that returns data, by its id, the pages joined (timestamps newest first, as CloudWatch gives them). */
export async function getMetricData(
  cloudwatch: CloudWatchClient,
  input: { queries: MetricDataQuery[]; start: Date; end: Date },
): Promise<Map<string, MetricDataResult>> {
  return awsCall('cloudwatch:GetMetricData', async () => {
    const results = new Map<string, MetricDataResult>()
    const { GetMetricDataCommand } = await sdk()
    const pages = everyPage(
      (request: GetMetricDataCommandInput) => cloudwatch.send(new GetMetricDataCommand(request)),
      { MetricDataQueries: input.queries, StartTime: input.start, EndTime: input.end, ScanBy: 'TimestampDescending' },
      { sent: 'NextToken', answered: 'NextToken' },
    )
    for await (const page of pages) {
      for (const result of page.MetricDataResults ?? []) {
        const id = result.Id ?? ''
        const known = results.get(id)
        if (!known) results.set(id, { ...result, Values: [...(result.Values ?? [])] })
        else known.Values = [...(known.Values ?? []), ...(result.Values ?? [])]
      }
    }
    return results
  })
}
