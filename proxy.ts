// Every request, pages and API alike, passes lib/api/access.ts first: a Host
// that is not ours (DNS rebinding), a token in a URL, a non-JSON or oversized
// body, or a read without the token on an exposed dashboard ends here.
import { NextResponse, type NextRequest } from "next/server";
import { refusal, type AccessPolicy } from "@/lib/api/access";
import { accessPolicy } from "@/lib/api/access-policy";
import { config } from "@/lib/config";

let policy: AccessPolicy | undefined;

export function proxy(req: NextRequest): NextResponse | Response {
  policy ??= accessPolicy(config());
  const refused = refusal({ method: req.method, pathname: req.nextUrl.pathname, search: req.nextUrl.searchParams, headers: req.headers }, policy);
  if (!refused) return NextResponse.next();
  const headers = { "cache-control": "no-store" };
  if (req.nextUrl.pathname.startsWith("/api")) {
    return Response.json({ error: { code: refused.code, message: refused.message } }, { status: refused.status, headers });
  }
  return new Response(`${refused.message}\n`, { status: refused.status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
