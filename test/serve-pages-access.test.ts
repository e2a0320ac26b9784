// Who may read `buildinfo serve`'s pages: anyone on loopback; from another address only with the one-time
// link printed at start (once), the API key, or the session either gave. Real sockets to the real CLI,
// reached through this machine's own non-loopback address, so the server sees a remote client.

import { request as httpRequest } from "node:http";
import { startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { externalAddress } from "./support/external-address";
import { type ServeProcess, startServeProcess } from "./support/serve-process";

const apiKey = "API-PAGESACCESSTEST00000000000";

let remote: ServeProcess;
let local: ServeProcess;

beforeAll(async () => {
  remote = await startServeProcess(["--host", externalAddress(), "--api-key", apiKey]);
  local = await startServeProcess(["--api-key", apiKey]);
  for (const server of [remote, local]) {
    const pushed = await fetch(`${server.url}/api/Spaces-1/build-information`, {
      method: "POST",
      headers: { "X-Octopus-ApiKey": apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({
        PackageId: "Acme.Secret",
        Version: "1.0.0",
        OctopusBuildInformation: { Commits: [{ Id: "a".repeat(40), Comment: "internal detail" }] },
      }),
    });
    expect(pushed.status).toBe(200);
  }
}, 60_000);
afterAll(async () => {
  await remote?.stop();
  await local?.stop();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, redirect: "manual" });
const signIn = (server: ServeProcess, body: string, origin = server.url, path = "/app/sign-in") =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body,
    redirect: "manual",
  });

describe("the pages' access", () => {
  it("are open to loopback without a key, and no sign-in link is printed there", async () => {
    const page = await get(`${local.url}/app`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Acme.Secret");
    expect(local.stderr()).toContain(`[buildinfo] pages: ${local.url}/app\n`);
    expect(local.stderr()).not.toContain("sign-in");
  });

  it("ask another machine to sign in, and show it nothing stored", async () => {
    for (const path of ["/app", "/app/Spaces-1/library/buildinformation/BuildInformation-1/json", "/"]) {
      const answer = await get(`${remote.url}${path}`);
      expect(answer.status, path).toBe(401);
      const text = await answer.text();
      expect(text).toContain("Sign in");
      expect(text).not.toContain("Acme.Secret");
    }
    // The stylesheet and script hold nothing stored.
    expect((await get(`${remote.url}/app/assets/app.css`)).status).toBe(200);
  });

  it("let in a request with the API key", async () => {
    const page = await get(`${remote.url}/app`, { "X-Octopus-ApiKey": apiKey });
    expect(page.status).toBe(200);
    expect((await get(`${remote.url}/app`, { "X-Octopus-ApiKey": "API-WRONG" })).status).toBe(401);
  });

  it("never match an empty key, even when a library caller lists one", async () => {
    const server = await startOctopusServer({ host: externalAddress(), apiKeys: [""] });
    try {
      for (const headers of [{ "X-Octopus-ApiKey": "" }, {}]) {
        expect((await get(`${server.url}/app`, headers)).status).toBe(401);
      }
      const form = await fetch(`${server.url}/app/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        body: "apiKey=",
        redirect: "manual",
      });
      expect(form.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it("sign a browser in once with the printed link, and its session cookie then opens the pages", async () => {
    const link = /one-time sign-in link for the pages from another machine: (\S+)/.exec(remote.stderr())?.[1];
    expect(link).toMatch(new RegExp(`^${remote.url}/app/sign-in\\?token=[\\w-]{20,}$`));
    const first = await get(link!);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/app");
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^buildinfo-pages=[\w-]+; Path=\/app; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    const session = cookie.split(";")[0]!;
    const page = await get(`${remote.url}/app/Spaces-1/library/buildinformation/BuildInformation-1`, {
      Cookie: session,
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("internal detail");
    // Used once: the same link no longer signs in, and a made-up session opens nothing.
    expect((await get(link!)).status).toBe(401);
    expect((await get(`${remote.url}/app`, { Cookie: "buildinfo-pages=not-a-session" })).status).toBe(401);
  });

  it("sign a browser in with the API key typed into the form, from the pages' own origin only", async () => {
    expect((await signIn(remote, "apiKey=API-WRONG")).status).toBe(401);
    // With a trailing slash too: the server and the pages read the path alike.
    const signedIn = await signIn(remote, `apiKey=${apiKey}`, remote.url, "/app/sign-in/");
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("set-cookie")).toMatch(/^buildinfo-pages=/);
    // Another site's form is refused before the key is looked at.
    expect((await signIn(remote, `apiKey=${apiKey}`, "http://attacker.example")).status).toBe(403);
  });

  it("answer a page that says what is missing, with 404, for an unknown space, record or path", async () => {
    for (const [path, words] of [
      ["/app/Spaces-9", "There is no space “Spaces-9”."],
      [
        "/app/Spaces-1/library/buildinformation/BuildInformation-999",
        "There is no build information BuildInformation-999 in Default.",
      ],
      ["/app/Spaces-1/library/buildinformation/BuildInformation-1/xml", "This server has no such page."],
      ["/app/Spaces-1/projects", "This server has no such page."],
      ["/app/%E0%A4%A", "This server has no such page."],
    ]) {
      const answer = await get(`${local.url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      expect(await answer.text(), path).toContain(words);
    }
  });

  it("answer with a strict policy, only GET and HEAD, and only for their own host names", async () => {
    const page = await get(`${local.url}/app`);
    expect(page.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const head = await fetch(`${local.url}/app`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    // Only the sign-in form is posted to; nothing else is answered but GET and HEAD, assets included.
    for (const [method, path] of [
      ["DELETE", "/app/assets/app.css"],
      ["PUT", "/app/sign-in"],
      ["DELETE", "/app/Spaces-1"],
    ] as const) {
      expect((await fetch(`${local.url}${path}`, { method })).status, `${method} ${path}`).toBe(405);
    }
    const post = await fetch(`${local.url}/app`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(405);
    // A name that rebinds to loopback is refused, as the API refuses it.
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${local.url}/app`);
      httpRequest(
        { host: url.hostname, port: url.port, path: "/app", headers: { Host: "attacker.example" } },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        },
      )
        .on("error", reject)
        .end();
    });
    expect(rebound).toBe(421);
  });
});
