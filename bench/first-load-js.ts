// First-load JS of the built pages (gzipped): every script the prerendered HTML
// loads. Next 16's build output no longer prints this table, so we add it up.
// Usage: NEXT_DIST_DIR=.next-e2e npx tsx bench/first-load-js.ts
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.env.NEXT_DIST_DIR || ".next";
const pages: Record<string, string> = { "/": "index.html", "/topics": "topics.html" };

for (const [route, file] of Object.entries(pages)) {
  const html = fs.readFileSync(path.join(dist, "server", "app", file), "utf8");
  // noModule scripts (legacy polyfills) are never fetched by a current browser.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const srcs = new Set(tags.map((m) => m[1] ?? ""));
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = fs.readFileSync(path.join(dist, src.replace(/^\/_next\//, "")));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
  console.log(
    `${route.padEnd(8)} first-load JS: ${(gz / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw, ${srcs.size} chunks; ` +
      `plus ${(inline / 1024).toFixed(1)} KiB inline RSC payload)`,
  );
}
