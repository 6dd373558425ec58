// Adding to and changing the cart, behind the actions in actions.ts: parse the form with zod,
// check the variant against the database, and write the cookie.
import "server-only";
import { z } from "zod";
import { variantTitle } from "@/lib/catalog/product-shape";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { addQuantity, MAX_QUANTITY, setQuantity } from "./cart-lines";
import { readCartLines, writeCartLines } from "./cart-store";
import { sellableVariants } from "./priced-cart";

const lineForm = z.object({
  variantId: z.string().trim().min(1, "Choose a size or colour.").max(64),
  quantity: z.coerce
    .number({ error: "Enter a quantity." })
    .int("Enter a whole number.")
    .min(0, "Enter a quantity of 0 or more.")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one item per order.`),
});

function parseLine(formData: FormData) {
  return lineForm.safeParse({
    variantId: formData.get("variantId"),
    quantity: formData.get("quantity") ?? 1,
  });
}

/** The variant's name as the customer sees it ("Canvas Tote Bag (M)") and what is left of it. */
async function availableFor(variantId: string): Promise<{ name: string; available: number } | null> {
  const variant = (await sellableVariants([variantId])).get(variantId);
  if (!variant) return null;
  const title = variantTitle(variant.optionValues);
  const name = title ? `${variant.product.name} (${title})` : variant.product.name;
  return { name, available: Math.max(0, variant.stock) };
}

export async function addLine(formData: FormData): Promise<FormResult> {
  const parsed = parseLine(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  const { variantId, quantity } = parsed.data;
  if (quantity < 1)
    return {
      ok: false,
      message: "Choose at least one.",
      fieldErrors: { quantity: ["Choose at least one."] },
    };
  const product = await availableFor(variantId);
  if (!product) return { ok: false, message: "This product is no longer sold." };
  const lines = await readCartLines();
  const inCart = lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
  if (inCart + quantity > product.available) {
    const message =
      product.available === 0
        ? `${product.name} is sold out.`
        : `Only ${product.available} left${inCart ? `, and ${inCart} already in your cart` : ""}.`;
    return { ok: false, message, fieldErrors: { quantity: [message] } };
  }
  if (inCart + quantity > MAX_QUANTITY) {
    // Said, not clamped: the customer learns why the cart did not grow by what they chose.
    const message =
      inCart >= MAX_QUANTITY
        ? `Your cart already has ${MAX_QUANTITY}, the most of one item an order can hold.`
        : `At most ${MAX_QUANTITY} of one item per order, and ${inCart} ${inCart === 1 ? "is" : "are"} already in your cart: add at most ${MAX_QUANTITY - inCart}.`;
    return { ok: false, message, fieldErrors: { quantity: [message] } };
  }
  await writeCartLines(addQuantity(lines, variantId, quantity));
  return { ok: true, message: `Added ${quantity} × ${product.name} to your cart.` };
}

export async function changeLine(formData: FormData): Promise<FormResult> {
  const parsed = parseLine(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  await writeCartLines(setQuantity(await readCartLines(), parsed.data.variantId, parsed.data.quantity));
  return { ok: true };
}
