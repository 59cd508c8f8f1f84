"use client";
import { PageError } from "@/components/status/page-error";

export default function ReportError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="report" />;
}
