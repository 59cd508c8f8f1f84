// The access policy of this process, built once from the config and this
// machine's own addresses (for a wildcard bind).
import os from "node:os";
import type { Config } from "@/lib/config";
import { isExposed, type AccessPolicy } from "./access";
import { hostPolicy } from "./hosts";

function machine(): { addresses: string[]; hostname: string } {
  const addresses = Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((a) => a.address.split("%")[0] as string); // no IPv6 zone ids in a Host header
  return { addresses, hostname: os.hostname().toLowerCase() };
}

export function accessPolicy(cfg: Pick<Config, "HOST" | "PORT" | "ALLOWED_HOSTS" | "DASHBOARD_TOKEN">): AccessPolicy {
  return { hosts: hostPolicy(cfg, machine()), token: cfg.DASHBOARD_TOKEN, exposed: isExposed(cfg) };
}
