// Starts the monitor with the server, so the first page load finds data ready.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getMonitor } = await import("@/lib/monitor/instance");
    await getMonitor();
  }
}
