"use client";
// What a segment's error.tsx shows: the page broke while rendering (not a dead
// cluster or server: those are shown in the page itself).
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export function PageError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="mx-auto max-w-3xl p-6">
      <div data-testid="page-error" role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <h1 className="text-lg font-semibold">The {what} page failed to render</h1>
        <p className="mt-1 text-sm">{message}</p>
        <Button className="mt-3" variant="primary" onClick={retry}>
          Try again
        </Button>
      </div>
    </main>
  );
}
