import type { Dispatcher } from "undici";
import { EnvProxyDispatcher } from "./env-proxy-dispatcher";
import { LazyUndiciDispatcher, loadUndici } from "./lazy-undici-dispatcher";
import { NodeHttpDispatcher, type RequestOptions, type ResponseData } from "./node-http-dispatcher";

/** Whatever carries the requests: this package's own dispatchers, or any undici dispatcher given. */
export type AnyDispatcher = Dispatcher | NodeHttpDispatcher | LazyUndiciDispatcher | EnvProxyDispatcher;

/** undici's `request()`, sent by Node's http when the request goes direct (no proxy for it). */
export async function request(
  url: string,
  { dispatcher: given, ...options }: RequestOptions & { dispatcher: AnyDispatcher },
): Promise<ResponseData> {
  const dispatcher = given instanceof EnvProxyDispatcher ? given.for(url) : given;
  if (dispatcher instanceof NodeHttpDispatcher) return dispatcher.request(url, options);
  const undici = await loadUndici();
  const target = dispatcher instanceof LazyUndiciDispatcher ? await dispatcher.dispatcher() : dispatcher;
  return undici.request(url, {
    ...options,
    method: options.method as Dispatcher.HttpMethod,
    dispatcher: target,
  });
}
