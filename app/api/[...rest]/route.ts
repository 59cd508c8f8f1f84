// Unknown API paths answer in JSON like every other API error, not with the HTML 404 page.
import { ApiError, handle } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

const notFound = handle(async (req: Request) => {
  throw new ApiError(404, "not_found", `no API route ${new URL(req.url).pathname}`);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
