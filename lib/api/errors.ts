// One mapping from failures to HTTP: every error body is {error:{code,message}}.
import { ZodError } from "zod";
import { RuntimeFailure, RuntimeInputError } from "@/lib/runtime/types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const INPUT_STATUS: Record<string, number> = {
  unknown_broker: 404,
  read_only: 409,
  not_running: 409,
  already_running: 409,
  not_paused: 409,
  already_paused: 409,
};

export function errorResponse(err: unknown): Response {
  const { status, code, message } = describeError(err);
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

export function describeError(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return { status: 422, code: "invalid_input", message };
  }
  if (err instanceof RuntimeInputError) return { status: INPUT_STATUS[err.code] ?? 409, code: err.code, message: err.message };
  if (err instanceof RuntimeFailure) return { status: 503, code: err.code, message: err.message };
  console.error(err);
  return { status: 500, code: "internal", message: "internal error: see the server log" };
}

/** Wraps a route handler so nothing it throws escapes as an HTML error page. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
