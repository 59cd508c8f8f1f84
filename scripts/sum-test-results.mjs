// Adds up every suite's results (Vitest and Playwright JSON reports) and prints
// the closing line CI reads: "N passed, N failed" (", N skipped" when any).
// The names of failed tests (with the first line of why) come just above it: CI
// may keep only the tail of the log, and a count without a name cannot be acted on.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const lines = [];
const failures = [];
const firstLine = (text) => String(text ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim())?.trim().slice(0, 240) ?? "";

function vitestFailures(suite, data) {
  for (const file of data.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name ?? "");
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) failures.push(`${suite}: ${rel} > ${t.fullName ?? t.title}\n      ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed outside any test (a hook, an import) has no failed test to name.
    if (file.status === "failed" && failedTests.length === 0) failures.push(`${suite}: ${rel}\n      ${firstLine(file.message)}`);
  }
}

function playwrightFailures(suite, node, trail = []) {
  const here = node.title ? [...trail, node.title] : trail;
  for (const spec of node.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== "unexpected") continue;
      const last = test.results?.[test.results.length - 1];
      failures.push(`${suite}: ${[...here, spec.title].join(" > ")}\n      ${firstLine(last?.error?.message ?? last?.errors?.[0]?.message)}`);
    }
  }
  for (const child of node.suites ?? []) playwrightFailures(suite, child, here);
}

for (const file of fs.readdirSync(dir).sort()) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const suite = file.replace(/\.(vitest|playwright|summary)\.json$/, "");
  let p = 0, f = 0, s = 0;
  if (file.endsWith(".vitest.json")) {
    p = data.numPassedTests; f = data.numFailedTests; s = data.numPendingTests + (data.numTodoTests ?? 0);
    // A suite that crashed before running its tests reports no failures but is not green.
    if (data.success === false && f === 0) f = 1;
    vitestFailures(suite, data);
  } else if (file.endsWith(".playwright.json")) {
    p = data.stats.expected + data.stats.flaky; f = data.stats.unexpected; s = data.stats.skipped;
    for (const top of data.suites ?? []) playwrightFailures(suite, top);
    for (const err of data.errors ?? []) failures.push(`${suite}: ${firstLine(err.message)}`);
  } else if (file.endsWith(".summary.json")) {
    p = data.passed; f = data.failed; s = data.skipped ?? 0;
  } else continue;
  lines.push(`  ${suite.padEnd(14)} ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
  passed += p; failed += f; skipped += s;
}
if (failures.length > 0) console.log(`failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
