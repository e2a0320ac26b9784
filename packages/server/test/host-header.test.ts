import { describe, expect, it } from "vitest";
import { isOwnHost } from "../src/host-header";

describe("the Host a request must name", () => {
  it("is a loopback name or the address the server listens on, with or without a port", () => {
    for (const [host, listening] of [
      ["127.0.0.1:8065", "127.0.0.1"],
      ["localhost", "127.0.0.1"],
      ["LOCALHOST:1", "127.0.0.1"],
      ["[::1]:8065", "127.0.0.1"],
      ["192.0.2.2:8065", "192.0.2.2"],
      // An IPv6 address is bracketed in a Host header and given bare as --host.
      ["[fd00::2]:8065", "fd00::2"],
      ["[FD00::2]", "fd00::2"],
    ]) {
      expect(isOwnHost(host!, listening!), `${host} on ${listening}`).toBe(true);
    }
  });

  it("refuses any other name, which may be a rebound DNS name", () => {
    for (const [host, listening] of [
      ["attacker.example", "127.0.0.1"],
      ["127.0.0.1.attacker.example:80", "127.0.0.1"],
      ["[fd00::3]:8065", "fd00::2"],
      ["192.0.2.3", "192.0.2.2"],
      ["", "127.0.0.1"],
      ["[fd00::2", "fd00::2"],
    ]) {
      expect(isOwnHost(host!, listening!), `${host} on ${listening}`).toBe(false);
    }
  });
});
