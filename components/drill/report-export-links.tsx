// The ways to keep a report: its print view and its Markdown file. Plain links
// (a download is a GET of a file), so they work from the keyboard and in a new tab.
import Link from "next/link";
import { exportUrl, printUrl } from "@/lib/drill/report-id";

const link = "text-sky-700 underline decoration-dotted hover:decoration-solid focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-400";

/** `label` names the report for screen readers ("report of 27/11/2026, 12:00"): a row of "Print view" links must say whose. */
export function ReportExportLinks({ id, label, print = true, json = false }: { id: string; label: string; print?: boolean; json?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {print && (
        <Link href={printUrl(id)} className={link} aria-label={`Print view of ${label}`}>
          Print view
        </Link>
      )}
      <a href={exportUrl(id, "md")} download={`${id}.md`} className={link} aria-label={`Download ${label} as Markdown`}>
        Markdown
      </a>
      {json && (
        <a href={exportUrl(id, "json")} download={`${id}.json`} className={link} aria-label={`Download ${label} as JSON`}>
          JSON
        </a>
      )}
    </span>
  );
}
