// Serves the built dashboard on the configured address (127.0.0.1:3000 unless told otherwise).
import { spawn } from "node:child_process";
import { config } from "@/lib/config";

const cfg = config();
console.log(`dashboard: http://${cfg.HOST}:${cfg.PORT}`);
const child = spawn("npx", ["next", "start", "-H", cfg.HOST, "-p", String(cfg.PORT)], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 1));
