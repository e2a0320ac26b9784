import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as forward, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

/**
 * TLS end to end, through the built CLI: an https front (certificate for 127.0.0.1 issued by a private
 * CA) before the local Octopus server. Verification is always on; NODE_EXTRA_CA_CERTS is how a private
 * CA is trusted, directly and through an HTTPS_PROXY tunnel.
 */
const tls = fileURLToPath(new URL("../packages/http/test/fixtures/tls/", import.meta.url));

describe("buildinfo push over https", () => {
  let server: LocalOctopusServer;
  let httpsUrl: string;
  let proxy: ForwardProxy;
  const fronts: Server[] = [];
  let dir: string;
  let file: string;

  async function listen(front: Server): Promise<number> {
    fronts.push(front);
    front.listen(0, "127.0.0.1");
    await once(front, "listening");
    return (front.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    server = await startOctopusServer();
    const target = new URL(server.url);
    const front = createHttpsServer(
      { key: readFileSync(`${tls}server-key.pem`), cert: readFileSync(`${tls}server.pem`) },
      (req, res) => {
        const upstream = forward(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", () => res.writeHead(502).end());
        req.pipe(upstream);
      },
    );
    httpsUrl = `https://127.0.0.1:${await listen(front)}`;

    proxy = await startForwardProxy();

    dir = await mkdtemp(join(tmpdir(), "buildinfo-tls-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(
      file,
      JSON.stringify({ BuildEnvironment: "Jenkins", BuildNumber: "7", VcsType: "Git", Commits: [] }),
    );
  });

  afterAll(async () => {
    for (const front of fronts) {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    }
    await server.close();
    await proxy?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const push = (packageId: string, env: Record<string, string>) =>
    runCli(
      [
        "push",
        "--server",
        httpsUrl,
        "--api-key",
        server.apiKey,
        "--package-id",
        packageId,
        "--version",
        "1.0.0",
        "--file",
        file,
        "--timeout",
        "5",
      ],
      { cwd: dir, env },
    );

  it("refuses a certificate from an unknown CA: exit 1, the reason and the NODE_EXTRA_CA_CERTS hint, nothing stored", async () => {
    const result = await push("Shop.Untrusted", {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/certificate/i);
    expect(result.stderr).toContain("NODE_EXTRA_CA_CERTS");
    expect(server.records().some((record) => record.PackageId === "Shop.Untrusted")).toBe(false);
  });

  it("trusts the private CA given in NODE_EXTRA_CA_CERTS", async () => {
    const result = await push("Shop.Trusted", { NODE_EXTRA_CA_CERTS: `${tls}ca.pem` });
    expect(result.code, result.stderr).toBe(0);
    expect(server.records().some((record) => record.PackageId === "Shop.Trusted")).toBe(true);
  });

  it("tunnels through HTTPS_PROXY with CONNECT, still verifying against NODE_EXTRA_CA_CERTS", async () => {
    proxy.seen.length = 0;
    const result = await push("Shop.Tunnelled", {
      NODE_EXTRA_CA_CERTS: `${tls}ca.pem`,
      HTTPS_PROXY: proxy.url,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${httpsUrl.replace("https://", "")}`]));
    expect(server.records().some((record) => record.PackageId === "Shop.Tunnelled")).toBe(true);

    const untrusted = await push("Shop.TunnelledUntrusted", { HTTPS_PROXY: proxy.url });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/certificate/i);
  });
});
