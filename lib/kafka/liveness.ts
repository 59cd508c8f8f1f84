// Each broker's liveness, asked on a connection that carries nothing else. Kafka
// serves one request per connection at a time, so a probe sharing a connection
// with a request that waits on a dead controller would time out and call a
// healthy broker unresponsive.
import { apiVersionsV3 } from "@platformatic/kafka";
import type { LivenessProbe } from "@/lib/model/cluster";
import { WirePool } from "./wire";

export function failureKind(err: unknown): NonNullable<LivenessProbe["failure"]> {
  const text = errorText(err);
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|socket hang up|closed/i.test(text)) return "refused";
  if (/timed? ?out|did not answer|ETIMEDOUT/i.test(text)) return "timeout";
  return "error";
}

/** The message of an error and of its causes (platformatic wraps network errors). */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error) {
      parts.push(`${e.message}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ""}`);
      const nested = (e as { cause?: unknown; errors?: unknown[] }).errors?.[0];
      e = (e as { cause?: unknown }).cause ?? nested;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return parts.join(": ");
}

export class LivenessProber {
  private readonly pool: WirePool;

  constructor(clientId: string, timeoutMs: number) {
    this.pool = new WirePool(`${clientId}-liveness`, timeoutMs);
  }

  async probe(address: string): Promise<LivenessProbe> {
    const t0 = performance.now();
    try {
      await this.pool.request(address, (c) => apiVersionsV3.api.async(c, "streamsocial-monitor", "1.0"));
      return { ok: true, ms: Math.round((performance.now() - t0) * 10) / 10 };
    } catch (err) {
      return { ok: false, ms: null, failure: failureKind(err), error: errorText(err) };
    }
  }

  async probeAll(addresses: ReadonlyMap<number, string>): Promise<Record<number, LivenessProbe>> {
    const entries = await Promise.all([...addresses].map(async ([id, a]) => [id, await this.probe(a)] as const));
    return Object.fromEntries(entries);
  }

  close(): void {
    this.pool.close();
  }
}
