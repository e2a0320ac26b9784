import type { LocalOctopusServer } from "../src/octopus-server";

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Default true: send the server's first API key. */
  authenticated?: boolean;
  signal?: AbortSignal | undefined;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  json: any;
}

/** One real HTTP request to the local server. */
export async function call(
  server: LocalOctopusServer,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authenticated !== false) headers["X-Octopus-ApiKey"] = server.apiKey;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? null
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function pushBody(
  packageId: string,
  version: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    SpaceId: "Spaces-1",
    PackageId: packageId,
    Version: version,
    OctopusBuildInformation: {
      BuildEnvironment: "Jenkins",
      BuildNumber: "7",
      BuildUrl: "https://ci.example.com/job/shop/7/",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: "c0ffee",
      Commits: [{ Id: "c0ffee", Comment: "Tidy logging" }],
    },
    ...extra,
  };
}
