import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface LocalRegistry {
  url: string;
  /** An .npmrc that points npm and pnpm at this registry with a publishing token. */
  npmrc: string;
  close(): Promise<void>;
}

const verdaccio = createRequire(import.meta.url).resolve("verdaccio");

// Verdaccio in a child process (its own logger and globals stay out of the test), listening on an
// ephemeral loopback port that the child prints once it is up.
const serve = `
const { runServer } = require(process.argv[1]);
runServer(process.argv[2]).then((app) => {
  const server = app.listen(0, "127.0.0.1", () => console.log(server.address().port));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
});
`;

/**
 * Starts Verdaccio with a fresh storage. `@buildinfo/*` is served only from what is published here,
 * never from an uplink; other packages (zod, undici, typescript, …) are proxied from `uplink`.
 */
export async function startRegistry(uplink: string): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "buildinfo-verdaccio-"));
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks:",
      "  npmjs:",
      `    url: ${JSON.stringify(uplink)}`,
      "packages:",
      "  '@buildinfo/*':",
      "    access: $all",
      "    publish: $authenticated",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    proxy: npmjs",
      "max_body_size: 100mb",
      "web:",
      "  enable: false",
      "log: { type: stderr, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["-e", serve, verdaccio, config], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) =>
      reject(new Error(`Verdaccio exited with ${code} before listening:\n${stderr}`)),
    );
  });
  const url = `http://127.0.0.1:${port}/`;

  // What `npm adduser` does: the first PUT of a user creates it in the htpasswd file and returns a token.
  const response = await fetch(`${url}-/user/org.couchdb.user:buildinfo`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "buildinfo", password: "release-test-only" }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!response.ok || !token) throw new Error(`Verdaccio refused the test user: HTTP ${response.status}`);
  const npmrc = join(dir, ".npmrc");
  writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);

  return {
    url,
    npmrc,
    async close() {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
