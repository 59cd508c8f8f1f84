// The StreamSocial topics: one per event category from the lesson, plus the
// drill's own topic. Partition counts are multiples of 3 so leaders spread
// evenly over a 3-broker cluster.
import { FLOW_HANDLERS } from "@/lib/model/flow";

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  description: string;
}

export const EVENT_CATEGORIES = ["user_action", "content_interaction", "system_event"] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const DRILL_TOPIC = "streamsocial_drill";

export const STREAMSOCIAL_TOPICS: readonly TopicSpec[] = [
  { name: "user_action", partitions: 6, replicationFactor: 3, description: "posts, likes, comments" },
  { name: "content_interaction", partitions: 6, replicationFactor: 3, description: "views, shares, clicks on content" },
  { name: "system_event", partitions: 3, replicationFactor: 3, description: "logins, errors, service signals" },
  { name: DRILL_TOPIC, partitions: 6, replicationFactor: 3, description: "Black Friday drill traffic" },
];

// The error path's topics: one retry topic per handler (its own consumer group
// waits out the backoff there without holding up the category topics) and one
// dead-letter topic for events that failed for good. Created by the traffic
// run when missing, with the broker's log-append time like the category topics.
export const retryTopicOf = (handler: string) => `streamsocial_retry_${handler}`;
export const DEAD_LETTER_TOPIC = "streamsocial_dead_letter";

export const FLOW_TOPICS: readonly TopicSpec[] = [
  ...FLOW_HANDLERS.map((h) => ({ name: retryTopicOf(h), partitions: 3, replicationFactor: 3, description: `${h} handler's retries` })),
  { name: DEAD_LETTER_TOPIC, partitions: 3, replicationFactor: 3, description: "events that failed every attempt" },
];
