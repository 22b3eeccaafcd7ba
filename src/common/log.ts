// The log port: everything the engine says while it works goes through one of these, given by the door that runs it.
// A leaf module (no imports), so any part of the engine can take a Log without depending on the rest.

/** Where a message points in a file (an annotation on a runner; a plain suffix in a terminal). */
export interface Annotation {
  title?: string
  file?: string
  startLine?: number
}

/** Log and progress: everything the engine says while it works. */
export interface Log {
  info(message: string): void
  warning(message: string, annotation?: Annotation): void
  error(message: string, annotation?: Annotation): void
  debug(message: string): void
  /** Runs `fn` with what it logs shown under `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Masks `value` in everything shown from now on (credentials, tokens, secret-like build args). */
  secret(value: string): void
}

/** A log that says nothing: for code paths whose caller shows the result itself. */
export const quietLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn(),
  secret: () => undefined,
}
