// Stands in for undici in the bundles (tsconfig.json maps `undici` here; ncc follows that mapping). @actions/core
// imports @actions/http-client, which imports undici for one thing: `getAgentDispatcher`'s ProxyAgent, a dispatcher
// for fetch behind a proxy that neither @actions/core nor this action calls. Evaluating undici at every start cost
// about 19 MB and 400 KiB of the entry (it compiles its HTTP parser's WebAssembly as it loads).
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with ecs-deploy-action: a fetch dispatcher for a proxy is not available')
  }
}
