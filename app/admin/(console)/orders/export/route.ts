// GET /admin/orders/export?from=YYYY-MM-DD&to=YYYY-MM-DD: the orders CSV (see lib/admin/).
import { exportOrders } from "@/lib/admin/orders/export-response";

export function GET(request: Request): Response {
  return exportOrders(request);
}
