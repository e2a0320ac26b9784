import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface NeverAcceptingListener {
  /** `http://127.0.0.1:<port>`: a connection to it never completes its handshake. */
  url: string;
  close(): Promise<void>;
}

/**
 * A loopback address whose handshakes never complete, for connect timeouts: a child process listens
 * with a backlog of 1 and blocks its event loop so it never accepts; connections parked here fill the
 * kernel's accept queue, after which Linux drops further SYNs instead of refusing them (Windows refuses
 * them). Note `backlog: 0` would not do: Node takes 0 as "use the default" (511).
 */
export async function startNeverAcceptingListener(): Promise<NeverAcceptingListener> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const server = require("node:net").createServer();
      server.listen({ port: 0, host: "127.0.0.1", backlog: 1 }, () => {
        process.stdout.write(server.address().port + "\\n");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      });`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const parked: ReturnType<typeof connect>[] = [];
  const close = async () => {
    for (const socket of parked) socket.destroy();
    child.kill();
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  };
  const [port] = (await once(child.stdout, "data")) as [Buffer];
  const address = { port: Number(port.toString().trim()), host: "127.0.0.1" };
  // Park connections until one stays in the handshake: the queue is full.
  for (let parkedCount = 0; ; parkedCount += 1) {
    if (parkedCount === 16) {
      await close();
      throw new Error("the accept queue never filled up");
    }
    const socket = connect(address);
    socket.on("error", () => {});
    parked.push(socket);
    const connected = await Promise.race([
      once(socket, "connect").then(() => true),
      sleep(500).then(() => false),
    ]);
    if (!connected) break;
  }
  return { url: `http://${address.host}:${address.port}`, close };
}
