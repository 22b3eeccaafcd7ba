// Types of load.mjs for TypeScript tests (the stack itself is plain JavaScript).

/** What the load generator saw: answers by HTTP status, requests without an answer, latencies of the answered. */
export interface LoadResult {
  sent: number
  statuses: Record<string, number>
  errors: number
  latenciesMs: number[]
  startedAt: number
  endedAt: number
}

export interface Load {
  /** Resolves once the time or the count is reached and every request has been answered (or failed). */
  done: Promise<LoadResult>
  /** Stops sending; resolves like `done`. */
  stop(): Promise<LoadResult>
  /** What it has seen so far. */
  seen(): LoadResult
}

/** `rate` requests per second to a listener on 127.0.0.1 for at most `seconds` and at most `count` requests. */
export declare function startLoad(options: {
  url: string
  rate: number
  seconds: number
  count?: number
  signal?: AbortSignal
}): Load
