// Adds up every suite's results (Vitest and Playwright JSON reports) and prints
// the closing line CI reads: "N passed, N failed" (", N skipped" when any).
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const lines = [];
for (const file of fs.readdirSync(dir).sort()) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  let p = 0, f = 0, s = 0;
  if (file.endsWith(".vitest.json")) {
    p = data.numPassedTests; f = data.numFailedTests; s = data.numPendingTests + (data.numTodoTests ?? 0);
    // A suite that crashed before running its tests reports no failures but is not green.
    if (data.success === false && f === 0) f = 1;
  } else if (file.endsWith(".playwright.json")) {
    p = data.stats.expected + data.stats.flaky; f = data.stats.unexpected; s = data.stats.skipped;
  } else if (file.endsWith(".summary.json")) {
    p = data.passed; f = data.failed; s = data.skipped ?? 0;
  } else continue;
  lines.push(`  ${file.replace(/\.(vitest|playwright|summary)\.json$/, "").padEnd(14)} ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
  passed += p; failed += f; skipped += s;
}
console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
