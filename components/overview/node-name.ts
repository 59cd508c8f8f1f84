import type { BrokerView } from "@/lib/model/cluster";

/** "Broker 2", or "Controller 101" for a dedicated KRaft controller. */
export function nodeName(b: Pick<BrokerView, "id" | "controllerOnly">): string {
  return `${b.controllerOnly ? "Controller" : "Broker"} ${b.id}`;
}
