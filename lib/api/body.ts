// Reads a request body with the cap the access gate announces: a chunked body
// (no Content-Length for the gate to check) is cut off at the same limit.
import { MAX_BODY_BYTES } from "./access";
import { ApiError } from "./errors";

export async function readBodyText(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, "body_too_large", `refused: bodies are capped at ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as JSON; an empty body is `empty`. */
export async function readJsonBody(req: Request, hint: string, empty: unknown = undefined): Promise<unknown> {
  const text = await readBodyText(req);
  if (text.trim() === "") {
    if (empty !== undefined) return empty;
    throw new ApiError(422, "invalid_json", hint);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(422, "invalid_json", hint);
  }
}
