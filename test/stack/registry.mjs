// A client for the local Docker registry's HTTP API v2 (basic auth), the store behind the scenario server's ECR.
import { AwsError } from './protocol.mjs'

export const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
]

export class RegistryClient {
  /** @param {{ host?: string, user?: string, password?: string }} options host: 127.0.0.1:PORT */
  constructor({ host, user, password }) {
    this.host = host
    this.authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')
  }

  async request(path, { method = 'GET', accept } = {}) {
    if (!this.host)
      throw new AwsError('ServerException', 'The scenario server was started without STACK_REGISTRY.', 500)
    try {
      return await fetch(`http://${this.host}/v2/${path}`, {
        method,
        headers: { authorization: this.authorization, ...(accept ? { accept } : {}) },
      })
    } catch (error) {
      throw new AwsError('ServerException', `The local registry at ${this.host} does not answer: ${error.message}`, 500)
    }
  }

  async json(path) {
    const response = await this.request(path)
    if (response.status === 404) return undefined
    if (!response.ok) throw new AwsError('ServerException', `registry GET ${path}: HTTP ${response.status}`, 500)
    return response.json()
  }

  /** @returns {Promise<string[]>} */
  async repositories() {
    return (await this.json('_catalog?n=1000'))?.repositories ?? []
  }

  /** The repository's tags, or undefined when the registry does not know the repository. */
  async tags(repository) {
    const body = await this.json(`${repository}/tags/list`)
    return body ? (body.tags ?? []) : undefined
  }

  /**
   * A manifest by tag or digest, or undefined when there is none.
   * @returns {Promise<{ digest: string, mediaType: string, text: string, manifest: any } | undefined>}
   */
  async manifest(repository, reference, acceptedMediaTypes = MANIFEST_TYPES) {
    const response = await this.request(`${repository}/manifests/${reference}`, {
      accept: acceptedMediaTypes.join(', '),
    })
    if (response.status === 404) return undefined
    if (!response.ok)
      throw new AwsError(
        'ServerException',
        `registry manifest ${repository}:${reference}: HTTP ${response.status}`,
        500,
      )
    const text = await response.text()
    const manifest = JSON.parse(text)
    return {
      digest: response.headers.get('docker-content-digest') ?? '',
      mediaType: manifest.mediaType ?? response.headers.get('content-type') ?? '',
      text,
      manifest,
    }
  }

  /** The image config blob (created time, architecture), or undefined. */
  async config(repository, digest) {
    return this.json(`${repository}/blobs/${digest}`).catch(() => undefined)
  }

  async deleteManifest(repository, digest) {
    const response = await this.request(`${repository}/manifests/${digest}`, { method: 'DELETE' })
    return response.ok
  }
}
