/**
 * Every page of a paged call, each asked with the token the last one answered, until a page has none (or repeats it).
 * The SDK's own paginators test `client instanceof` their client class, which a client loaded on its first request
 * (clients.ts) is not, so the calls on those clients page here.
 */
export async function* everyPage<I extends object, O extends object>(
  call: (input: I) => Promise<O>,
  input: NoInfer<I>,
  token: { sent: keyof I; answered: keyof O },
): AsyncGenerator<O> {
  let next: unknown
  do {
    const page = await call(next === undefined ? input : { ...input, [token.sent]: next })
    yield page
    const previous = next
    next = page[token.answered]
    if (next === previous) return
  } while (next)
}
