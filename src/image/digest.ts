const PUSHED = /digest: (sha256:[a-f0-9]{64}) size: (\d+)/g

/**
 * The digest `docker push` reports on its last line (`main: digest: sha256:… size: 528`).
 * `size` there is the manifest's size in bytes, not the image's.
 */
export function parsePushOutput(output: string): { digest: string; manifestSize: number } | undefined {
  const matches = [...output.matchAll(PUSHED)]
  const last = matches.at(-1)
  if (!last?.[1] || !last[2]) return undefined
  return { digest: last[1], manifestSize: Number(last[2]) }
}

/** The pushed digest from the file `docker buildx build --metadata-file` writes (`containerimage.digest`). */
export function parseMetadataFile(text: string): string | undefined {
  let metadata: unknown
  try {
    metadata = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof metadata !== 'object' || metadata === null) return undefined
  const record = metadata as Record<string, unknown>
  const descriptor = record['containerimage.descriptor'] as Record<string, unknown> | undefined
  const digest = record['containerimage.digest'] ?? descriptor?.digest
  return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined
}
