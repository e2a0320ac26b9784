import type { Dispatcher } from "undici";
import { LazyUndiciDispatcher, loadUndici } from "./lazy-undici-dispatcher";
import { NodeHttpDispatcher, type RequestOptions, type ResponseData } from "./node-http-dispatcher";

/** Whatever carries the requests: this package's own dispatchers, or any undici dispatcher given. */
export type AnyDispatcher = Dispatcher | NodeHttpDispatcher | LazyUndiciDispatcher;

/** undici's `request()`, sent by Node's http when the dispatcher is the direct one (no proxy). */
export async function request(
  url: string,
  { dispatcher, ...options }: RequestOptions & { dispatcher: AnyDispatcher },
): Promise<ResponseData> {
  if (dispatcher instanceof NodeHttpDispatcher) return dispatcher.request(url, options);
  const undici = await loadUndici();
  const target = dispatcher instanceof LazyUndiciDispatcher ? await dispatcher.dispatcher() : dispatcher;
  return undici.request(url, {
    ...options,
    method: options.method as Dispatcher.HttpMethod,
    dispatcher: target,
  });
}
