// Types of protocol.mjs for TypeScript tests (the stack itself is plain JavaScript).
export declare class AwsError extends Error {
  constructor(code: string, message: string, status?: number)
  readonly code: string
  readonly status: number
}
export declare function toAwsJson(value: unknown): string
export declare function paginate<T>(
  items: T[],
  input: { nextToken?: string; maxResults?: number },
  defaultMax?: number,
  max?: number,
): { page: T[]; nextToken?: string }
/** One answer of the scenario server: service = the X-Amz-Target prefix, body = the JSON text sent. */
export interface AwsResponse {
  service: string
  operation: string
  status: number
  body: string
}
