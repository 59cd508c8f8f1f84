"use client";
// "51–100 of 1,000" with previous and next: the one pager of the topic and partition tables.
import { Button } from "@/components/ui/button";
import { formatInt } from "@/components/ui/format";

export interface PagerProps {
  label: string;
  total: number;
  offset: number;
  limit: number;
  onOffset(offset: number): void;
  testId?: string;
}

export function Pager({ label, total, offset, limit, onOffset, testId }: PagerProps) {
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return (
    <nav aria-label={`${label} pages`} data-testid={testId} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
      <Button size="sm" disabledReason={offset === 0 ? "this is the first page" : null} onClick={() => onOffset(Math.max(0, offset - limit))}>
        ← Previous
      </Button>
      <span className="tabular-nums" aria-live="polite" data-testid={testId ? `${testId}-range` : undefined}>
        {formatInt(first)}–{formatInt(last)} of {formatInt(total)} {label}
      </span>
      <Button size="sm" disabledReason={last >= total ? "this is the last page" : null} onClick={() => onOffset(offset + limit)}>
        Next →
      </Button>
    </nav>
  );
}
