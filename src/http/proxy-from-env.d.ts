// proxy-from-env ships no types: the one function this project calls.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, '' when NO_PROXY matches or none is set. */
  export function getProxyForUrl(url: string): string
}
