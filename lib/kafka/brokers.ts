// Which brokers the cluster has registered, asked of any broker that answers
// (the first bootstrap address may be the dead one): raw Metadata, hedged over
// every address, so one dead broker never makes all of them look unregistered.
import { firstAnswer, metadataFrom } from "./metadata";
import { WirePool } from "./wire";

export interface RegisteredBroker {
  id: number;
  host: string;
  port: number;
}

/** Rejects when no address answers. */
export async function registeredBrokers(bootstrap: readonly string[], timeoutMs = 2000): Promise<RegisteredBroker[]> {
  const pool = new WirePool("streamsocial-probe", timeoutMs);
  try {
    const { value } = await firstAnswer(bootstrap, (a) => metadataFrom(pool, a));
    return value.brokers;
  } finally {
    pool.close();
  }
}
