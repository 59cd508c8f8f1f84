// Checks the exposure rules and starts the monitor with the server, so the first
// page load finds data ready.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Exposed beyond loopback without a token: refuse to serve at all, with the reason.
    const [{ exposureProblem }, { config }] = await Promise.all([import("@/lib/api/access"), import("@/lib/config")]);
    const problem = exposureProblem(config());
    if (problem) {
      console.error(problem);
      process.exit(2);
    }
    const { getMonitor } = await import("@/lib/monitor/instance");
    await getMonitor();
  }
}
