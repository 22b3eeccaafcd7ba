// Types of model-conformance.mjs for TypeScript tests (the stack itself is plain JavaScript).
import type { AwsResponse } from './protocol.mjs'

/** botocore service models (service-2.json), by X-Amz-Target prefix. */
export type Models = Map<
  string,
  {
    metadata: { serviceId: string; targetPrefix: string }
    operations: Record<string, unknown>
    shapes: Record<string, unknown>
  }
>
export declare function loadModels(dataDir: string, services?: string[]): Models
export declare function violations(response: AwsResponse, models: Models): string[]
