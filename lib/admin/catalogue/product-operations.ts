// What the product actions do, apart from the 'use server' boundary: check the session, read the
// form, write, answer a FormResult. Testable without a request (lib/admin/orders/review-operations.ts
// is the model).
import "server-only";
import { z } from "zod";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { ProductStatus } from "@/lib/generated/prisma/enums";
import { optionalPriceField, text } from "./form-fields";
import { idField, refused } from "./form-result";
import { parseOptions, type OptionInput } from "./options";
import { readProductForm } from "./product-form";
import { createProduct, deleteProduct, setProductStatus, updateProduct } from "./product-writes";
import { saveOptions, saveVariantFields } from "./variant-writes";

export async function createProductFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult<{ id: string; slug: string }>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = readProductForm(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  const result = await createProduct(parsed.data);
  if (!result.ok) return refused(result);
  return { ok: true, message: "Product created.", data: { id: result.data.id, slug: parsed.data.slug } };
}

export async function updateProductFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult<{ slug: string }>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = readProductForm(formData);
  if (!parsed.success) return invalidForm(parsed.error);
  const result = await updateProduct(idField(formData, "productId"), parsed.data);
  if (!result.ok) return refused(result);
  return { ok: true, message: "Saved.", data: { slug: parsed.data.slug } };
}

const statusForm = z.object({ status: z.enum(ProductStatus) });

export async function setStatusFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = statusForm.safeParse({ status: formData.get("status") });
  if (!parsed.success) return { ok: false, message: "Unknown status." };
  const result = await setProductStatus(idField(formData, "productId"), parsed.data.status);
  if (!result.ok) return refused(result);
  const words = {
    ACTIVE: "Active: on the store.",
    DRAFT: "Draft: hidden from the store.",
    ARCHIVED: "Archived: off the store, still on its orders.",
  };
  return { ok: true, message: words[parsed.data.status] };
}

export async function deleteProductFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const result = await deleteProduct(idField(formData, "productId"));
  return result.ok ? { ok: true, message: "Product deleted." } : refused(result);
}

/** The option rows of the form: option.0.name / option.0.values, … */
function optionRows(formData: FormData): OptionInput[] {
  const rows: OptionInput[] = [];
  for (let index = 0; index < 10 && formData.has(`option.${index}.name`); index++) {
    rows.push({
      name: text(formData, `option.${index}.name`),
      values: text(formData, `option.${index}.values`),
    });
  }
  return rows;
}

export async function saveOptionsFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = parseOptions(optionRows(formData));
  if (!parsed.ok) {
    return { ok: false, message: Object.values(parsed.fieldErrors)[0]![0], fieldErrors: parsed.fieldErrors };
  }
  const result = await saveOptions(idField(formData, "productId"), parsed.options);
  if (!result.ok) return refused(result);
  const { created, kept, archived, deleted } = result.data;
  const parts = [
    `${kept + created} ${kept + created === 1 ? "variant" : "variants"}`,
    created ? `${created} new (stock 0)` : "",
    deleted ? `${deleted} removed` : "",
    archived ? `${archived} archived (on past orders)` : "",
  ].filter(Boolean);
  return { ok: true, message: `Options saved: ${parts.join(", ")}.` };
}

const skuField = z
  .string()
  .trim()
  .max(64, "Keep the SKU under 64 characters.")
  .regex(/^[A-Za-z0-9._\-/]*$/, "Use letters, digits and . _ - / only.")
  .transform((value) => value || null);

/** variant.<id>.sku and variant.<id>.price for each variant listed in variantIds. */
export async function saveVariantsFromForm(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const fieldErrors: Record<string, string[]> = {};
  const rows = formData
    .getAll("variantIds")
    .filter((id): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id))
    .map((id) => {
      const sku = skuField.safeParse(text(formData, `variant.${id}.sku`));
      const price = optionalPriceField.safeParse(text(formData, `variant.${id}.price`));
      if (!sku.success) fieldErrors[`variant.${id}.sku`] = [sku.error.issues[0]!.message];
      if (!price.success) fieldErrors[`variant.${id}.price`] = [price.error.issues[0]!.message];
      return { id, sku: sku.data ?? null, priceCents: price.data ?? null };
    });
  if (Object.keys(fieldErrors).length) {
    return { ok: false, message: Object.values(fieldErrors)[0]![0], fieldErrors };
  }
  const result = await saveVariantFields(idField(formData, "productId"), rows);
  return result.ok ? { ok: true, message: "Variants saved." } : refused(result);
}
