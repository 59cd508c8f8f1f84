// The StreamSocial topics: one per event category from the lesson, plus the
// drill's own topic. Partition counts are multiples of 3 so leaders spread
// evenly over a 3-broker cluster.

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
