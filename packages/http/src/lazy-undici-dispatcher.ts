import type { Dispatcher } from "undici";

type Undici = typeof import("undici");

/** undici, whether imported as a package or from a bundle (where only its `default` has the exports). */
export async function loadUndici(): Promise<Undici> {
  const module = (await import("undici")) as Undici & { default?: Undici };
  return module.default ?? module;
}

/** An undici dispatcher made on the first request, so undici is loaded only when it is used. */
export class LazyUndiciDispatcher {
  readonly #create: (undici: Undici) => Dispatcher;
  #dispatcher: Promise<Dispatcher> | undefined;

  constructor(create: (undici: Undici) => Dispatcher) {
    this.#create = create;
  }

  dispatcher(): Promise<Dispatcher> {
    this.#dispatcher ??= loadUndici().then(this.#create);
    return this.#dispatcher;
  }

  async close(): Promise<void> {
    // One that failed to build has nothing to close, and its error was the request's to report.
    const dispatcher = await this.#dispatcher?.catch(() => undefined);
    await dispatcher?.close();
  }
}
