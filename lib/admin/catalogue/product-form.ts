// The product form, checked on the server: every field's rule and its message. What passes is
// ready to store (cents, a slug, nulls for the optional fields left empty).
import { z } from "zod";
import { ProductStatus } from "@/lib/generated/prisma/enums";
import { optionalPriceField, optionalText, priceField, slugField, text } from "./form-fields";
import { slugify } from "./slug";

export const productForm = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters."),
    slug: slugField,
    description: z.string().trim().max(20_000, "Keep the description under 20,000 characters."),
    price: priceField,
    compareAt: optionalPriceField,
    digital: z.boolean(),
    status: z.enum(ProductStatus, "Choose a status."),
    seoTitle: optionalText(70, "SEO title"),
    seoDescription: optionalText(320, "SEO description"),
    collectionIds: z.array(z.uuid("Unknown collection.")).max(100),
  })
  .superRefine((form, context) => {
    if (form.compareAt !== null && form.compareAt <= form.price) {
      context.addIssue({
        code: "custom",
        path: ["compareAt"],
        message: "The compare-at price must be higher than the price (or left empty).",
      });
    }
    if (!form.slug && !slugify(form.name)) {
      context.addIssue({
        code: "custom",
        path: ["slug"],
        message: "No slug can be made from this name: type one (letters, digits, hyphens).",
      });
    }
  })
  .transform(({ price, compareAt, ...form }) => ({
    ...form,
    slug: form.slug || slugify(form.name),
    priceCents: price,
    compareAtCents: compareAt,
  }));

export type ProductInput = z.output<typeof productForm>;

export function readProductForm(formData: FormData) {
  return productForm.safeParse({
    name: text(formData, "name"),
    slug: text(formData, "slug"),
    description: text(formData, "description"),
    price: text(formData, "price"),
    compareAt: text(formData, "compareAt"),
    digital: formData.get("digital") === "on",
    status: text(formData, "status") || "ACTIVE",
    seoTitle: text(formData, "seoTitle"),
    seoDescription: text(formData, "seoDescription"),
    collectionIds: formData.getAll("collectionIds").filter((value) => typeof value === "string"),
  });
}
