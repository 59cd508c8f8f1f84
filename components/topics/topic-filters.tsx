"use client";
// Filter by name and by state; both go to the server, which pages the answer.
import { STATE_FILTERS, type StateFilter } from "@/lib/model/topics";

const STATE_LABEL: Record<StateFilter, string> = {
  all: "All topics",
  problems: "With problems",
  offline: "With offline partitions",
  "under-min-isr": "Under min ISR",
  "under-replicated": "Under-replicated",
  ok: "All in sync",
};

export function TopicFilters({ q, state, onQ, onState }: { q: string; state: StateFilter; onQ(q: string): void; onState(s: StateFilter): void }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        Filter topics
        <input
          type="search"
          value={q}
          maxLength={249}
          onChange={(e) => onQ(e.target.value)}
          className="w-64 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
        />
      </label>
      <label className="flex items-center gap-2 text-sm font-medium">
        State
        <select
          data-testid="topic-state-filter"
          value={state}
          onChange={(e) => onState(e.target.value as StateFilter)}
          className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
        >
          {STATE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
