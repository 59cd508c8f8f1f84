import { describe, expect, it } from "vitest";
import { hostAllowed, hostPolicy, isLoopbackHost, parseHost } from "./hosts";

const machine = { addresses: ["127.0.0.1", "10.1.2.3", "::1", "fe80::1"], hostname: "box" };
const loopback = hostPolicy({ HOST: "127.0.0.1", PORT: 3000, ALLOWED_HOSTS: [] }, machine);

describe("parseHost", () => {
  it("splits names, IPv4 and bracketed IPv6, lower-cased, port 80 by default", () => {
    expect(parseHost("LocalHost:3000")).toEqual({ name: "localhost", port: 3000 });
    expect(parseHost("[::1]:3000")).toEqual({ name: "[::1]", port: 3000 });
    expect(parseHost("127.0.0.1")).toEqual({ name: "127.0.0.1", port: 80 });
  });
  it("refuses what is not a bare host", () => {
    for (const h of [null, "", ":3000", "a b:3000", "user@localhost:3000", "localhost:3000/x", "localhost:0", "localhost:70000", "::1:3000", "localhost:30a0"]) {
      expect(parseHost(h), String(h)).toBeNull();
    }
  });
});

describe("hostAllowed on a loopback bind", () => {
  it("answers the loopback names on the served port", () => {
    for (const h of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(hostAllowed(h, loopback), h).toBe(true);
  });
  it("refuses rebinding names, other ports, trailing dots and look-alike literals", () => {
    const refused = [
      "evil.example:3000", "evil.example", "localhost:3001", "localhost", "127.0.0.1:80", "localhost.:3000", "127.0.0.2:3000",
      "127.1:3000", "0.0.0.0:3000", "[::ffff:127.0.0.1]:3000", "[0:0:0:0:0:0:0:1]:3000", "localhost.evil.example:3000",
      "10.1.2.3:3000", "box:3000", "2130706433:3000", null,
    ];
    for (const h of refused) expect(hostAllowed(h, loopback), String(h)).toBe(false);
  });
});

describe("hostPolicy", () => {
  it("adds the machine's own addresses and hostname on a wildcard bind, never a stranger's name", () => {
    const p = hostPolicy({ HOST: "0.0.0.0", PORT: 3000, ALLOWED_HOSTS: [] }, machine);
    for (const h of ["10.1.2.3:3000", "box:3000", "[fe80::1]:3000", "localhost:3000"]) expect(hostAllowed(h, p), h).toBe(true);
    for (const h of ["evil.example:3000", "10.1.2.3:3001", "0.0.0.0:3000"]) expect(hostAllowed(h, p), h).toBe(false);
  });
  it("takes ALLOWED_HOSTS as names on any port, or exactly host:port", () => {
    const p = hostPolicy({ HOST: "127.0.0.1", PORT: 3000, ALLOWED_HOSTS: ["dash.example.org", "lab:8443"] }, machine);
    expect(hostAllowed("dash.example.org", p)).toBe(true);
    expect(hostAllowed("DASH.example.org:443", p)).toBe(true);
    expect(hostAllowed("lab:8443", p)).toBe(true);
    expect(hostAllowed("lab:3000", p)).toBe(false);
    expect(hostAllowed("x.dash.example.org", p)).toBe(false);
  });
  it("allows a specific bound address", () => {
    const p = hostPolicy({ HOST: "192.168.1.5", PORT: 3000, ALLOWED_HOSTS: [] }, machine);
    expect(hostAllowed("192.168.1.5:3000", p)).toBe(true);
    expect(hostAllowed("10.1.2.3:3000", p)).toBe(false);
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback from the rest", () => {
    for (const h of ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.9"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.1", "example.com"]) expect(isLoopbackHost(h), h).toBe(false);
  });
});
