// GET /api/orders/{id}/status: the order as JSON, for clients that poll (the live status
// component falls back to it when its WebSocket is unavailable). While the order is open it asks
// QBitFlow too, at most once every 3 s per order, so a page keeps moving when webhooks cannot
// reach the app.
import { loadOrderPage } from "@/lib/orders/order-page";
import { kick } from "@/lib/background";

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  // Polled every 3 s by customers watching an order on Vercel: a good moment to reconcile.
  kick("visit");
  const state = await loadOrderPage({ orderId: id, source: "status_check" });
  const headers = { "Cache-Control": "no-store" };
  if (state.kind !== "ok") {
    return Response.json({ error: "No such order.", code: "order_not_found" }, { status: 404, headers });
  }
  return Response.json({ order: state.view, stale: state.stale }, { headers });
}
