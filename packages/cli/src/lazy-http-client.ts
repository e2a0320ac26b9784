import type { HttpClient, Logger } from "@buildinfo/core";

/**
 * A build server's API is optional (every adapter falls back to the checkout), so a request that got no
 * answer is tried twice, not five times like a push; each request keeps the `--timeout` deadline.
 */
const buildServerRetry = { maxAttempts: 2 };

/** Loads the HTTP stack on the first request: most local and git-range collections never make one. */
export function lazyHttpClient(
  logger: Logger,
  timeoutMs: number | undefined,
): HttpClient & { close(): Promise<void> } {
  let opened: ReturnType<typeof open> | undefined;
  const open = () =>
    import("@buildinfo/http").then(({ createHttpClient }) =>
      createHttpClient({
        logger,
        retry: buildServerRetry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      }),
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
