// Types of protocol.mjs for TypeScript tests (the stack itself is plain JavaScript).
export declare class AwsError extends Error {
  constructor(code: string, message: string, status?: number)
  readonly code: string
  readonly status: number
}
export declare function toAwsJson(value: unknown): string
export declare function paginate<T>(items: T[], input: { nextToken?: string; maxResults?: number }, defaultMax?: number): { page: T[]; nextToken?: string }
