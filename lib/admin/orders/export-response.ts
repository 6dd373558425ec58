// GET /admin/orders/export?from=YYYY-MM-DD&to=YYYY-MM-DD, apart from the route file: the
// session, the range, then the CSV as a download.
import "server-only";
import { parseExportRange } from "./export-range";
import { ordersCsvStream } from "./orders-csv";
import { adminEnabled, requestIsAdmin } from "@/lib/admin/session/session";

const noStore = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

function problem(status: number, code: string, error: string): Response {
  return Response.json({ error, code }, { status, headers: noStore });
}

export function exportOrders(request: Request): Response {
  if (!adminEnabled()) return problem(503, "admin_disabled", "The admin is disabled: set ADMIN_PASSWORD.");
  if (!requestIsAdmin(request)) return problem(401, "unauthorized", "Log in to the admin first.");
  const parsed = parseExportRange(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, "invalid_range", parsed.message);
  const { range } = parsed;
  return new Response(ordersCsvStream(range), {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${range.from}-to-${range.to}.csv"`,
    },
  });
}
