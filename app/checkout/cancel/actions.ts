"use server";
import { z } from "zod";
import { addQuantity } from "@/lib/cart/cart-lines";
import { readCartLines, writeCartLines } from "@/lib/cart/cart-store";
import type { FormResult } from "@/lib/form-result";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { isOrderId } from "@/lib/orders/order-id";

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
    (lines, item) => addQuantity(lines, item.productId, item.quantity),
    await readCartLines(),
  );
  await writeCartLines(cart);
  return { ok: true, message: result.message };
}
