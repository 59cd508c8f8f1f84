// Kafka error codes by the names an operator looks up, with what they mean here.
const NAMES: Record<number, string> = {
  3: "UNKNOWN_TOPIC_OR_PARTITION",
  5: "LEADER_NOT_AVAILABLE",
  6: "NOT_LEADER_OR_FOLLOWER",
  7: "REQUEST_TIMED_OUT (acks not received in time)",
  14: "COORDINATOR_LOAD_IN_PROGRESS",
  15: "COORDINATOR_NOT_AVAILABLE",
  19: "NOT_ENOUGH_REPLICAS (ISR below min.insync.replicas)",
  20: "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
  45: "OUT_OF_ORDER_SEQUENCE_NUMBER",
  46: "DUPLICATE_SEQUENCE_NUMBER",
  47: "INVALID_PRODUCER_EPOCH",
  56: "KAFKA_STORAGE_ERROR",
  59: "UNKNOWN_PRODUCER_ID",
  74: "FENCED_LEADER_EPOCH",
};

export const kafkaErrorName = (code: number): string => NAMES[code] ?? `Kafka error ${code}`;

/** Codes after which the partition's leader must be looked up again before a retry. */
export const LEADERSHIP_ERRORS: ReadonlySet<number> = new Set([3, 5, 6, 74]);
