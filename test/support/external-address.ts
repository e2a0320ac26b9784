import { networkInterfaces } from "node:os";

/** This machine's first IPv4 address that is not loopback: connections to it do not come from loopback. */
export function externalAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === "IPv4" && !entry.internal)?.address;
  if (address === undefined)
    throw new Error("This test needs a network interface with an IPv4 address besides loopback.");
  return address;
}
