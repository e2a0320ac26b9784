import type { LazyUndiciDispatcher } from "./lazy-undici-dispatcher";
import type { NodeHttpDispatcher } from "./node-http-dispatcher";
import { type ProxySettings, usesProxy } from "./proxy-settings";

/**
 * With a proxy variable set, each request goes where undici's EnvHttpProxyAgent would send it: through
 * the proxy by undici, loaded on the first such request, or direct by Node's own http. A build whose
 * Octopus server NO_PROXY names (a proxy for the internet, none for the intranet) then never loads
 * undici: half of such a push's whole-process time (docs/performance.md).
 */
export class EnvProxyDispatcher {
  readonly #settings: ProxySettings;
  readonly #direct: NodeHttpDispatcher;
  readonly #proxied: LazyUndiciDispatcher;

  constructor(settings: ProxySettings, direct: NodeHttpDispatcher, proxied: LazyUndiciDispatcher) {
    this.#settings = settings;
    this.#direct = direct;
    this.#proxied = proxied;
  }

  for(url: string): NodeHttpDispatcher | LazyUndiciDispatcher {
    return usesProxy(new URL(url), this.#settings) ? this.#proxied : this.#direct;
  }

  async close(): Promise<void> {
    await Promise.all([this.#direct.close(), this.#proxied.close()]);
  }
}
