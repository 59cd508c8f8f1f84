// The report id check for code that runs in the browser: store.ts (which holds
// REPORT_ID_PATTERN) reads the disk and cannot be bundled there. A test keeps
// the two the same. An id is checked before it goes into any URL or path.
export const CLIENT_REPORT_ID = /^drill-\d{8}T\d{9}Z$/;

export const isReportId = (v: unknown): boolean => typeof v === "string" && CLIENT_REPORT_ID.test(v);

/** /api/drills/<id>/export?format=md, for a checked id. */
export const exportUrl = (id: string, format: "md" | "json" = "md") => `/api/drills/${encodeURIComponent(id)}/export?format=${format}`;
export const printUrl = (id: string) => `/drill/reports/${encodeURIComponent(id)}`;
export const compareUrl = (a: string, b: string) => `/drill/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
