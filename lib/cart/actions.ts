"use server";
// The cart's server actions: add and change lines, check out, and cancel a placed order back
// into the cart. Every export of a 'use server' file is an endpoint anyone can POST to, so only
// actions live here; the logic and its tests are in edit-cart.ts and place-order.ts. Cancelling
// lives with the cart, not in lib/orders, because it writes the cart (lib/orders must not import
// lib/cart).
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormResult } from "@/lib/form-result";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { isOrderId } from "@/lib/order-id";
import { currentBuyer } from "./buyer";
import { addQuantity } from "./cart-lines";
import { readCartLines, writeCartLines } from "./cart-store";
import { addLine, changeLine } from "./edit-cart";
import { placeOrder } from "./place-order";

export async function addToCart(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return addLine(formData);
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(formData: FormData): Promise<void> {
  await changeLine(formData);
}

/** Places the order and sends the customer to QBitFlow's payment page. */
export async function checkout(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await placeOrder(formData, await readCartLines(), await currentBuyer());
  // Our side failed (the database is down): to a page that needs no database. Answering in place
  // would re-render the cart, which reads the database, and a form posted without JavaScript
  // would get an empty error document.
  if (!result.ok && "unavailable" in result) redirect("/checkout/unavailable");
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  // The order holds the items now; the cancel page can put them back.
  await writeCartLines([]);
  // Outside any try/catch: redirect() works by throwing.
  redirect(result.link);
}

const cancelForm = z.object({
  orderId: z.string().refine(isOrderId, "Unknown order."),
  sessionId: z.string().min(1).max(200),
});

export async function cancelOrderAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const parsed = cancelForm.safeParse({
    orderId: formData.get("orderId"),
    sessionId: formData.get("sessionId"),
  });
  if (!parsed.success)
    return { ok: false, message: "This link doesn't match an order; nothing was changed." };

  const result = await cancelOrder(parsed.data.orderId, parsed.data.sessionId);
  if (!result.ok) return { ok: false, message: result.message };
  // Put the items back, so changing one's mind does not mean starting the cart again.
  const cart = result.items.reduce(
    (lines, item) => addQuantity(lines, item.variantId, item.quantity),
    await readCartLines(),
  );
  await writeCartLines(cart);
  return { ok: true, message: result.message };
}
