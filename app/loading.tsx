import { OverviewSkeleton } from "@/components/overview/overview-skeleton";

export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl p-4">
      <OverviewSkeleton />
    </main>
  );
}
