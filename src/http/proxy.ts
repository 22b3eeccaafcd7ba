// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case), as curl and configure-aws-credentials read them. The
// agent (https-proxy-agent, CONNECT through the proxy) and the NO_PROXY rules (proxy-from-env) load only when a proxy
// variable is set: a run without one never evaluates them.
import type { Agent } from 'node:http'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY']

/** Whether any proxy variable is set, so a request may have to go through a proxy. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => env[name] || env[name.toLowerCase()])
}

const agents = new Map<string, Agent>()

/** The agent that tunnels a request for `url` through its proxy; undefined when it goes direct (no proxy, NO_PROXY). */
export async function proxyAgentFor(url: string | URL): Promise<Agent | undefined> {
  if (!proxyConfigured()) return undefined
  const { getProxyForUrl } = await import('proxy-from-env')
  const proxy = getProxyForUrl(String(url))
  if (!proxy) return undefined
  let agent = agents.get(proxy)
  if (!agent) {
    const { HttpsProxyAgent } = await import('https-proxy-agent')
    agent = new HttpsProxyAgent(proxy, { keepAlive: true })
    agents.set(proxy, agent)
  }
  return agent
}

/** Closes the proxy agents' idle connections (the run is over). */
export function closeProxyAgents(): void {
  for (const agent of agents.values()) agent.destroy()
  agents.clear()
}
