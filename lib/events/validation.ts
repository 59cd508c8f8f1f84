// One result shape and one way of turning zod issues into sentences, shared by
// every parser under lib/events and lib/drill, so the API, the UI and the CLI
// all show the same clear refusal for the same bad input.
import type { z } from "zod";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; issues: string[] };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export function fail<T = never>(issues: string[]): Parsed<T> {
  return { ok: false, error: issues.join("; "), issues };
}

/**
 * `labels` maps a top-level field to the name the user knows it by (the CLI flag,
 * say). A message that already starts with that name is a full sentence and is
 * kept as is; any other gets the name as a prefix so the user knows what to fix.
 */
export function formatZodIssues(error: z.ZodError, labels: Record<string, string> = {}): string[] {
  return error.issues.map((issue) => {
    if (issue.path.length === 0) return issue.message;
    const head = String(issue.path[0]);
    const label = [labels[head] ?? head, ...issue.path.slice(1).map(String)].join(".");
    return issue.message.startsWith(label) ? issue.message : `${label}: ${issue.message}`;
  });
}

/** safeParse wrapped into a Parsed<T> with formatted issues. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels?: Record<string, string>,
): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? ok(result.data) : fail(formatZodIssues(result.error, labels));
}
