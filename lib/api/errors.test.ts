import { ZodError, z } from "zod";
import { describe, expect, it } from "vitest";
import { RuntimeFailure, RuntimeInputError } from "@/lib/runtime/types";
import { ApiError, describeError } from "./errors";

/** What a second bundled copy of lib/runtime/types.ts would throw: same brand, other class. */
function fromOtherCopy(brand: string, code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  Object.defineProperty(e, Symbol.for(brand), { value: true });
  return e;
}

describe("describeError", () => {
  it("maps the caller's mistakes to 4xx with their code and words", () => {
    expect(describeError(new RuntimeInputError("unknown_broker", "no broker 9"))).toEqual({ status: 404, code: "unknown_broker", message: "no broker 9" });
    expect(describeError(new RuntimeInputError("not_running", "cannot kill broker 2"))).toMatchObject({ status: 409, code: "not_running" });
    expect(describeError(new ApiError(403, "token", "token required"))).toEqual({ status: 403, code: "token", message: "token required" });
    const zod = z.object({ n: z.number() }).safeParse({ n: "x" }).error;
    expect(zod).toBeInstanceOf(ZodError);
    expect(describeError(zod)).toMatchObject({ status: 422, code: "invalid_input", message: expect.stringContaining("n:") });
  });

  it("maps runtime failures to 503, also when thrown by another bundled copy of the class", () => {
    expect(describeError(new RuntimeFailure("docker_unavailable", "Docker unavailable: gone"))).toEqual({
      status: 503,
      code: "docker_unavailable",
      message: "Docker unavailable: gone",
    });
    const foreign = fromOtherCopy("streamsocial.RuntimeFailure", "docker_unavailable", "Docker unavailable: ENOENT");
    expect(foreign).toBeInstanceOf(RuntimeFailure);
    expect(describeError(foreign)).toMatchObject({ status: 503, code: "docker_unavailable" });
    const foreignInput = fromOtherCopy("streamsocial.RuntimeInputError", "not_running", "not running");
    expect(describeError(foreignInput)).toMatchObject({ status: 409, code: "not_running" });
  });

  it("hides anything else behind a generic 500", () => {
    const plain = Object.assign(new Error("boom"), { code: "docker_unavailable" });
    expect(plain).not.toBeInstanceOf(RuntimeFailure);
    const spy = console.error;
    console.error = () => {};
    try {
      expect(describeError(plain)).toEqual({ status: 500, code: "internal", message: "internal error: see the server log" });
    } finally {
      console.error = spy;
    }
  });
});
