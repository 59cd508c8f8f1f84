import { handle } from "@/lib/api/errors";
import type { AnyReport } from "@/lib/drill/progress";
import { reportFile } from "@/lib/drill/report-export";
import { getDrillService } from "@/lib/drill/instance";
import { queryObject, reportExportParams } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/drills/{id}/export?format=md|json: the report as a file to keep. */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { id, format } = reportExportParams.parse({ id: (await ctx.params).id, ...queryObject(req.url, ["format"]) });
  // The id matched the report pattern, so the service reads a stored report, never "current".
  const file = reportFile((await getDrillService()).get(id) as AnyReport, format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
