"use server";
// Cart and checkout actions. Only actions live here; the logic is in lib/.
import { redirect } from "next/navigation";
import { addLine, changeLine } from "@/lib/cart/edit-cart";
import { readCartLines, writeCartLines } from "@/lib/cart/cart-store";
import { placeOrder } from "@/lib/cart/place-order";
import type { FormResult } from "@/lib/form-result";

export async function addToCart(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return addLine(formData);
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(formData: FormData): Promise<void> {
  await changeLine(formData);
}

/** Places the order and sends the customer to QBitFlow's payment page. */
export async function checkout(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await placeOrder(formData, await readCartLines());
  if (!result.ok) return result;
  // The order holds the items now; the cancel page can put them back.
  await writeCartLines([]);
  // Outside any try/catch: redirect() works by throwing.
  redirect(result.link);
}
