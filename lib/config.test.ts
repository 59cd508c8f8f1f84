import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const root = "/srv/app";
const base = { KAFKA_VERSION: "4.4.0" };

describe("parseConfig", () => {
  it("gives defaults that work on a fresh machine", () => {
    const c = parseConfig(base, root);
    expect(c.RUNTIME).toBe("auto");
    expect(c.POLL_INTERVAL_MS).toBe(1000);
    expect(c.HOST).toBe("127.0.0.1");
    expect(c.PORT).toBe(3000);
    expect(c.LOCAL_PORT_BASE).toBe(19092);
    expect(c.KAFKA_BROKERS).toBeUndefined();
    expect(c.DASHBOARD_TOKEN).toBeUndefined();
    expect(c.dataDir).toBe("/srv/app/.data");
    expect(c.kafkaHome).toBe("/srv/app/.kafka-cache/4.4.0");
  });

  it("reads the Kafka version pinned in the repo's .env when the environment has none", () => {
    const c = parseConfig({}, process.cwd());
    expect(c.KAFKA_VERSION).toMatch(/^4\.\d+\.\d+$/);
  });

  it("parses a broker list and trims blanks", () => {
    const c = parseConfig({ ...base, KAFKA_BROKERS: " a.example:9092, 10.0.0.2:9093 ,", RUNTIME: "none" }, root);
    expect(c.KAFKA_BROKERS).toEqual(["a.example:9092", "10.0.0.2:9093"]);
    expect(c.RUNTIME).toBe("none");
  });

  it("treats empty strings as unset", () => {
    const c = parseConfig({ ...base, DASHBOARD_TOKEN: "", PORT: " " }, root);
    expect(c.DASHBOARD_TOKEN).toBeUndefined();
    expect(c.PORT).toBe(3000);
  });

  it.each([
    [{ RUNTIME: "kubernetes" }, /RUNTIME/],
    [{ POLL_INTERVAL_MS: "fast" }, /POLL_INTERVAL_MS/],
    [{ POLL_INTERVAL_MS: "50" }, /POLL_INTERVAL_MS/],
    [{ PORT: "70000" }, /PORT/],
    [{ KAFKA_BROKERS: "localhost" }, /host:port/],
    [{ DASHBOARD_TOKEN: "short" }, /at least 8/],
    [{ KAFKA_VERSION: "latest" }, /KAFKA_VERSION/],
    [{ COMPOSE_PROJECT: "Bad Name" }, /COMPOSE_PROJECT/],
    [{ ADMIN_TIMEOUT_MS: "2000" }, /must be below POLL_INTERVAL_MS/],
  ])("rejects %o with a clear message", (env, message) => {
    expect(() => parseConfig({ ...base, ...env }, root)).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, ...env }, root)).toThrow(message);
  });
});
