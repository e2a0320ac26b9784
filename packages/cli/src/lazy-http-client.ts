import type { HttpClient, Logger } from "@buildinfo/core";

/** Loads the HTTP stack on the first request: most local and git-range collections never make one. */
export function lazyHttpClient(
  logger: Logger,
  timeoutMs: number | undefined,
): HttpClient & { close(): Promise<void> } {
  let opened: ReturnType<typeof open> | undefined;
  const open = () =>
    import("@buildinfo/octopus").then(({ createHttpClient }) =>
      createHttpClient({ logger, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    );
  return {
    get: async (url, requestOptions) => {
      opened ??= open();
      return (await opened).get(url, requestOptions);
    },
    close: async () => {
      if (opened !== undefined) await (await opened).close();
    },
  };
}
