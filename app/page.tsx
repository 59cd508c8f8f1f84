export default function OverviewPage() {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">StreamSocial Cluster</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">The overview is being built.</p>
    </main>
  );
}
