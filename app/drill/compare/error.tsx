"use client";
import { PageError } from "@/components/status/page-error";

export default function CompareError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="comparison" />;
}
