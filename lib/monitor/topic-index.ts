// The partition table behind GET /api/topics and /api/topics/partitions: built
// once per poll (lazily, on the first request that needs it), then every request
// is a filter and a slice, so a thousand viewers of a 10,000-partition cluster
// cost one sort a second, not a thousand. Pure: plain data in, plain data out.
import type { ConsumerGroupLag, PartitionState, TopicSummary } from "@/lib/model/cluster";
import type { PartitionCounts, PartitionRow, PartitionStatus, StateFilter } from "@/lib/model/topics";
import { effectiveIsr, minIsrOf } from "./figures";
import { topicTrouble } from "./topic-trouble";

const RANK: Record<PartitionStatus, number> = { offline: 0, "under-min-isr": 1, "under-replicated": 2, ok: 3 };

export interface IndexInput {
  partitions: readonly PartitionState[];
  /** Every topic's summary (effective counts, rates). */
  topics: readonly TopicSummary[];
  minIsr: Readonly<Record<string, number>>;
  /** Brokers known down or frozen: their replicas leave the effective ISR. */
  down: ReadonlySet<number>;
  /** False while no controller can elect (quorum lost): a dead leader then means offline. */
  canElect: boolean;
  groups: readonly ConsumerGroupLag[];
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface TopicQuery {
  /** Case-insensitive substring of the topic name. */
  q?: string;
  state: StateFilter;
  offset: number;
  limit: number;
}

export interface PartitionQuery {
  /** Exactly this topic; absent: every topic. */
  topic?: string;
  state: StateFilter;
  offset: number;
  limit: number;
}

/** The worst thing about a partition, on the effective view (the same rules health and the topic counts use). */
export function partitionRow(p: PartitionState, minIsr: number, down: ReadonlySet<number>, canElect: boolean): PartitionRow {
  const isr = effectiveIsr(p, down);
  const leaderGone = p.leader >= 0 && down.has(p.leader);
  let status: PartitionStatus = "ok";
  if (p.leader < 0 || (leaderGone && (isr.length === 0 || !canElect))) status = "offline";
  else if (isr.length < minIsr) status = "under-min-isr";
  else if (isr.length < p.replicas.length) status = "under-replicated";
  return { ...p, status, effectiveIsr: isr };
}

export function matchesState(status: PartitionStatus, state: StateFilter): boolean {
  return state === "all" || (state === "problems" ? status !== "ok" : status === state);
}

function topicMatchesState(t: TopicSummary, state: StateFilter): boolean {
  switch (state) {
    case "all":
      return true;
    case "problems":
      return topicTrouble(t) > 0;
    case "offline":
      return t.offline > 0;
    case "under-min-isr":
      return t.underMinIsr > 0;
    case "under-replicated":
      return t.underReplicated > 0;
    case "ok":
      return topicTrouble(t) === 0;
  }
}

function page<T>(all: readonly T[], offset: number, limit: number): Page<T> {
  return { total: all.length, offset, limit, items: all.slice(offset, offset + limit) };
}

export class TopicIndex {
  private rows: PartitionRow[] | undefined;
  private byTopic: Map<string, PartitionRow[]> | undefined;
  private rankedTopics: TopicSummary[] | undefined;
  private lag: Map<string, number> | undefined;

  constructor(private readonly input: IndexInput) {}

  get counts(): PartitionCounts {
    const c: PartitionCounts = { topics: this.input.topics.length, partitions: 0, offline: 0, underMinIsr: 0, underReplicated: 0 };
    for (const t of this.input.topics) {
      c.partitions += t.partitions;
      c.offline += t.offline;
      c.underMinIsr += t.underMinIsr;
      c.underReplicated += t.underReplicated;
    }
    return c;
  }

  topics(query: TopicQuery): Page<TopicSummary & { lag: number | null }> {
    this.rankedTopics ??= [...this.input.topics].sort((a, b) => topicTrouble(b) - topicTrouble(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const needle = query.q?.trim().toLowerCase() ?? "";
    const matching =
      needle === "" && query.state === "all"
        ? this.rankedTopics
        : this.rankedTopics.filter((t) => (needle === "" || t.name.toLowerCase().includes(needle)) && topicMatchesState(t, query.state));
    const p = page(matching, query.offset, query.limit);
    const lag = this.lagByTopic();
    return { ...p, items: p.items.map((t) => ({ ...t, lag: lag.get(t.name) ?? null })) };
  }

  partitions(query: PartitionQuery): Page<PartitionRow> {
    const source = query.topic === undefined ? this.allRows() : (this.topicRows().get(query.topic) ?? []);
    const matching = query.state === "all" ? source : source.filter((r) => matchesState(r.status, query.state));
    return page(matching, query.offset, query.limit);
  }

  private allRows(): PartitionRow[] {
    if (!this.rows) {
      const { partitions, minIsr, down, canElect } = this.input;
      this.rows = partitions
        .map((p) => partitionRow(p, minIsrOf(minIsr, p.topic), down, canElect))
        .sort((a, b) => RANK[a.status] - RANK[b.status] || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) || a.partition - b.partition);
    }
    return this.rows;
  }

  /** Each topic's rows in the same order as allRows (worst first, then partition). */
  private topicRows(): Map<string, PartitionRow[]> {
    if (!this.byTopic) {
      this.byTopic = new Map();
      for (const r of this.allRows()) {
        const list = this.byTopic.get(r.topic);
        if (list) list.push(r);
        else this.byTopic.set(r.topic, [r]);
      }
    }
    return this.byTopic;
  }

  /** Total lag on each topic, over every group. */
  private lagByTopic(): Map<string, number> {
    if (!this.lag) {
      this.lag = new Map();
      for (const g of this.input.groups) for (const t of g.topics) this.lag.set(t.topic, (this.lag.get(t.topic) ?? 0) + t.lag);
    }
    return this.lag;
  }
}
