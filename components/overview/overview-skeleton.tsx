import { Skeleton } from "@/components/ui/skeleton";

/** Same boxes as the loaded page, so nothing jumps when data arrives. */
export function OverviewSkeleton({ message = "Loading the cluster…" }: { message?: string }) {
  return (
    <div data-testid="overview-loading" className="flex flex-col gap-4">
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">{message}</p>
      <Skeleton className="h-20" />
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => <Skeleton key={i} className="h-16" />)}
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-56" />)}
      </div>
      <Skeleton className="h-96" />
    </div>
  );
}
