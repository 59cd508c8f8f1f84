// Docker failures mapped onto the runtime's two error kinds: the caller's
// mistake (RuntimeInputError) or the engine's (RuntimeFailure, "Docker unavailable"
// when it cannot be reached at all).
import { RuntimeFailure, RuntimeInputError } from "./types";

interface ModemError {
  statusCode?: number;
  json?: { message?: string } | null;
  message?: string;
  code?: string;
  name?: string;
}

function messageOf(e: unknown): string {
  const err = (e ?? {}) as ModemError;
  const text = err.json?.message ?? err.message ?? String(e);
  return text.replace(/^\(HTTP code \d+\)\s*/, "").trim();
}

export function dockerFailure(what: string, e: unknown): Error {
  if (e instanceof RuntimeInputError || e instanceof RuntimeFailure) return e;
  const err = (e ?? {}) as ModemError;
  const msg = messageOf(e);
  switch (err.statusCode) {
    case undefined:
      return new RuntimeFailure("docker_unavailable", `Docker unavailable: ${what}: ${msg}`);
    case 304:
      return new RuntimeInputError("no_change", `${what}: nothing to do (${msg || "already in that state"})`);
    case 404:
      return new RuntimeInputError("no_container", `${what}: ${msg}`);
    case 409:
      return new RuntimeInputError("conflict", `${what}: ${msg}`);
    default:
      return new RuntimeFailure("docker_error", `Docker ${what} failed (HTTP ${err.statusCode}): ${msg}`);
  }
}
