import type { LazyUndiciDispatcher } from "./lazy-undici-dispatcher";
import type { NodeHttpDispatcher } from "./node-http-dispatcher";
import { type ProxySettings, proxyFor } from "./proxy-settings";

/**
 * With a proxy variable set, each request goes where the proxy variables send it (proxyFor): through
 * its proxy by undici, loaded for the first such request, or direct by Node's own http. A build whose
 * Octopus server NO_PROXY names (a proxy for the internet, none for the intranet) then never loads
 * undici: half of such a push's whole-process time (docs/performance.md).
 */
export class EnvProxyDispatcher {
  readonly #settings: ProxySettings;
  readonly #direct: NodeHttpDispatcher;
  readonly #through: (proxy: string) => LazyUndiciDispatcher;
  readonly #proxied = new Map<string, LazyUndiciDispatcher>();

  constructor(
    settings: ProxySettings,
    direct: NodeHttpDispatcher,
    through: (proxy: string) => LazyUndiciDispatcher,
  ) {
    this.#settings = settings;
    this.#direct = direct;
    this.#through = through;
  }

  for(url: string): NodeHttpDispatcher | LazyUndiciDispatcher {
    const proxy = proxyFor(new URL(url), this.#settings);
    if (proxy === "") return this.#direct;
    let dispatcher = this.#proxied.get(proxy);
    if (dispatcher === undefined) {
      dispatcher = this.#through(proxy);
      this.#proxied.set(proxy, dispatcher);
    }
    return dispatcher;
  }

  async close(): Promise<void> {
    await Promise.all([
      this.#direct.close(),
      ...[...this.#proxied.values()].map((proxied) => proxied.close()),
    ]);
  }
}
