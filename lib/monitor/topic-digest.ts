// What of a thousand topics travels with every snapshot and history point: the
// troubled ones and the busiest, never all of them. The full list is served
// paged by /api/topics (topic-index.ts).
import type { TopicSummary } from "@/lib/model/cluster";
import { topicTrouble } from "./topic-trouble";

/** Topics carried by a snapshot; figures.topics still counts them all. */
export const SNAPSHOT_TOPICS = 25;
/** Topic rates kept per history point; the rest are summed into otherTopics. */
export const HISTORY_TOPICS = 20;

const byName = (a: TopicSummary, b: TopicSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const rate = (t: TopicSummary) => t.messagesInPerSec ?? -1;

/** Troubled topics first (worst first), then the busiest, at most `max`; in that order. */
export function notableTopics(topics: readonly TopicSummary[], max = SNAPSHOT_TOPICS): TopicSummary[] {
  if (topics.length <= max) return [...topics];
  const troubled = topics.filter((t) => topicTrouble(t) > 0).sort((a, b) => topicTrouble(b) - topicTrouble(a) || byName(a, b));
  if (troubled.length >= max) return troubled.slice(0, max);
  const busiest = topics.filter((t) => topicTrouble(t) === 0).sort((a, b) => rate(b) - rate(a) || byName(a, b));
  return [...troubled, ...busiest.slice(0, max - troubled.length)];
}

/** The `max` busiest topic rates, and the sum of the others (0 when none). */
export function topTopicRates(topics: readonly TopicSummary[], total: number | null, max = HISTORY_TOPICS): { perTopic: Record<string, number>; otherTopics: number } {
  const withRate = topics.filter((t) => t.messagesInPerSec !== null).sort((a, b) => rate(b) - rate(a) || byName(a, b));
  const top = withRate.slice(0, max).map((t) => [t.name, t.messagesInPerSec as number] as const);
  // fromEntries defines own properties: a topic may be called "__proto__".
  const perTopic: Record<string, number> = Object.fromEntries(top);
  const shown = top.reduce((sum, [, v]) => sum + v, 0);
  // The snapshot may carry only some topics: the rest of the cluster's total is "other".
  return { perTopic, otherTopics: total === null ? 0 : Math.max(0, total - shown) };
}
