import { TopicsSkeleton } from "@/components/topics/topics-skeleton";

export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl p-4">
      <TopicsSkeleton />
    </main>
  );
}
