// Which Host headers this dashboard answers: the defence against DNS rebinding.
// A rebound page's Origin always equals its Host, so the same-origin check alone
// cannot tell it from our own page; only the name the browser thinks it is
// talking to can. Pure: the caller passes the machine's own addresses.

/** Names a browser uses for this machine's loopback; the served port must match. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"] as const;
const WILDCARD_BINDS = new Set(["0.0.0.0", "::", "[::]"]);

export interface HostPolicy {
  port: number;
  /** "name:port" allowed exactly. */
  exact: ReadonlySet<string>;
  /** Names allowed on any port (ALLOWED_HOSTS entries without a port: behind a proxy the port is the proxy's). */
  anyPort: ReadonlySet<string>;
}

export interface ParsedHost {
  name: string;
  port: number;
}

/** IPv6 literals are bracketed in a Host header; a bare "::1" from the config is bracketed to match. */
const bracket = (name: string) => (name.includes(":") && !name.startsWith("[") ? `[${name}]` : name);

/**
 * Splits a Host header into a lower-case name and a port (80 when absent: we
 * serve plain HTTP). Null for anything that is not a plain name or IP literal:
 * userinfo, paths, spaces, empty names, a port out of range.
 */
export function parseHost(header: string | null): ParsedHost | null {
  if (header === null) return null;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(header.trim().toLowerCase());
  if (!m) return null;
  const port = m[2] === undefined ? 80 : Number(m[2]);
  if (port < 1 || port > 65_535) return null;
  return { name: m[1] as string, port };
}

export function isLoopbackHost(host: string): boolean {
  const h = bracket(host.toLowerCase());
  return h === "localhost" || h === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isWildcardBind(host: string): boolean {
  return WILDCARD_BINDS.has(host.toLowerCase());
}

/**
 * The allowed hosts: loopback names and the bound address on the served port,
 * ALLOWED_HOSTS as given, and, when bound to every interface, this machine's own
 * IP literals and hostname (a rebinding attacker's page is always on its own
 * DNS name, never one of those).
 */
export function hostPolicy(
  cfg: { HOST: string; PORT: number; ALLOWED_HOSTS: readonly string[] },
  machine: { addresses: readonly string[]; hostname: string },
): HostPolicy {
  const names: string[] = [...LOOPBACK_NAMES];
  if (isWildcardBind(cfg.HOST)) names.push(...machine.addresses, machine.hostname);
  else names.push(cfg.HOST);
  const exact = new Set(names.map((n) => `${bracket(n.toLowerCase())}:${cfg.PORT}`));
  const anyPort = new Set<string>();
  for (const entry of cfg.ALLOWED_HOSTS) {
    const parsed = parseHost(entry);
    if (!parsed) continue; // the config schema refuses these; nothing to allow
    if (/:\d+$/.test(entry)) exact.add(`${parsed.name}:${parsed.port}`);
    else anyPort.add(parsed.name);
  }
  return { port: cfg.PORT, exact, anyPort };
}

export function hostAllowed(header: string | null, policy: HostPolicy): boolean {
  const h = parseHost(header);
  if (!h) return false;
  return policy.exact.has(`${h.name}:${h.port}`) || policy.anyPort.has(h.name);
}
