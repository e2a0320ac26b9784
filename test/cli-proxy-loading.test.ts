import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { cliPath, runProcess } from "../packages/cli/test/helpers/run-cli";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

const probe = fileURLToPath(new URL("./support/module-load-probe.mjs", import.meta.url));

// A proxy for the internet and none for the intranet is the usual corporate set-up: HTTP(S)_PROXY
// set for every build, the Octopus server in NO_PROXY. Such a push goes direct through Node's own
// http and never loads undici (packages/http/src/env-proxy-dispatcher.ts).
describe("buildinfo push with proxy variables set", () => {
  let server: LocalOctopusServer;
  let proxy: ForwardProxy;
  let scratch: string;

  beforeAll(async () => {
    server = await startOctopusServer();
    proxy = await startForwardProxy();
    scratch = mkdtempSync(join(tmpdir(), "buildinfo-proxy-loading-"));
  });

  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function pushLoading(name: string, version: string, env: Record<string, string>) {
    const loaded = join(scratch, `${name}.txt`);
    const run = await runProcess(
      process.execPath,
      ["--import", probe, cliPath, ...pushArgs(server, "Acme.Web", version, ["--build-number", "7"])],
      { env: { ...env, MODULE_LOAD_PROBE_FILE: loaded } },
    );
    expect(run.code, run.stderr).toBe(0);
    const modules = readFileSync(loaded, "utf8").split("\n");
    expect(modules, "the probe saw the CLI load").toContain(pathToFileURL(cliPath).href);
    return modules.filter((url) => /\/undici-[\w-]+\.js$/.test(url));
  }

  it("does not load undici for an Octopus server that NO_PROXY names", async () => {
    const undici = await pushLoading("bypassed", "1.0.1", {
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: "build.example.com,127.0.0.1",
    });
    expect(undici).toEqual([]);
    expect(proxy.seen).toEqual([]);
    expect(server.records().map((record) => record.Version)).toContain("1.0.1");
  });

  it("refuses a proxy variable that is not a proxy URL in one line, without echoing it, before sending", async () => {
    for (const [name, value] of [
      ["HTTPS_PROXY", "proxy.example.com:3128"],
      ["http_proxy", "operator:s3cret-pass@proxy.example.com:3128"],
      ["HTTP_PROXY", "ftp://proxy.example.com"],
      ["HTTPS_PROXY", "http://operator:s3cret-pass@proxy.example.com:3128/squid"],
      ["HTTPS_PROXY", "http://operator:s3cret-100%@proxy.example.com:3128"],
    ] as const) {
      const run = await runProcess(
        process.execPath,
        [cliPath, ...pushArgs(server, "Acme.BadProxy", "1.0.0", ["--build-number", "7"])],
        {
          env: { [name]: value, NO_PROXY: "127.0.0.1" },
        },
      );
      expect(run.code, run.stderr).toBe(2);
      const errors = run.stderr.split("\n").filter((line) => line.includes("error:"));
      expect(errors).toEqual([
        `[buildinfo] error: ${name} (from the environment) is not a proxy URL. Set ${name} to a URL such as http://proxy.example.com:3128, or unset it. code=E_USAGE`,
      ]);
      expect(run.stderr).not.toContain("s3cret");
    }
    expect(server.records().filter((record) => record.PackageId === "Acme.BadProxy")).toEqual([]);
  });

  it("loads undici and goes through the proxy when NO_PROXY does not name it", async () => {
    const undici = await pushLoading("proxied", "1.0.2", {
      HTTP_PROXY: proxy.url,
      NO_PROXY: "build.example.com",
    });
    expect(undici).toHaveLength(1);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(
      proxy.seen.every(
        (line) => line.startsWith(`GET ${server.url}`) || line.startsWith(`POST ${server.url}`),
      ),
    ).toBe(true);
    expect(server.records().map((record) => record.Version)).toContain("1.0.2");
  });
});
