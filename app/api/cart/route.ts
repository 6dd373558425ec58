// GET /api/cart: this visitor's cart, priced from the database, for the cart drawer (the
// catalogue pages are prerendered and carry no cart). Never cached anywhere.
import { cartSummary } from "@/lib/cart/cart-summary";

export async function GET(): Promise<Response> {
  return Response.json(await cartSummary(), { headers: { "Cache-Control": "private, no-store" } });
}
