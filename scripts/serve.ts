// Serves the built dashboard on the configured address (127.0.0.1:3000 unless told otherwise).
import { spawn } from "node:child_process";
import { exposureProblem } from "@/lib/api/access";
import { config } from "@/lib/config";

const cfg = config();
const problem = exposureProblem(cfg);
if (problem) {
  console.error(problem);
  process.exit(2);
}
const child = spawn("npx", ["next", "start", "-H", cfg.HOST, "-p", String(cfg.PORT)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(`dashboard: http://${cfg.HOST}:${cfg.PORT}`);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 1));
