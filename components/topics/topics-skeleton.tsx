import { Skeleton } from "@/components/ui/skeleton";

export function TopicsSkeleton({ message = "Loading topics…" }: { message?: string }) {
  return (
    <div data-testid="topics-loading" className="flex flex-col gap-2">
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{message}</p>
      {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-11" />)}
      <Skeleton className="mt-2 h-40" />
    </div>
  );
}
