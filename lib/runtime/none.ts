// RUNTIME=none: monitor a cluster we do not run. Every control is refused.
import { RuntimeInputError, type Availability, type BrokerProcess, type BrokerRuntime } from "./types";

export class NoRuntime implements BrokerRuntime {
  readonly kind = "none" as const;
  readonly brokerIds: readonly number[] = [];

  constructor(
    readonly bootstrap: readonly string[],
    private readonly reason = "read-only: RUNTIME=none, this dashboard does not run the brokers",
  ) {}

  async available(): Promise<Availability> {
    return { ok: false, reason: this.reason };
  }
  async list(): Promise<BrokerProcess[]> {
    return [];
  }
  private refuse(): Promise<BrokerProcess> {
    return Promise.reject(new RuntimeInputError("read_only", this.reason));
  }
  kill = () => this.refuse();
  stop = () => this.refuse();
  pause = () => this.refuse();
  resume = () => this.refuse();
  restart = () => this.refuse();
  start = () => this.refuse();
  watch(): () => void {
    return () => {};
  }
  close(): void {}
}
