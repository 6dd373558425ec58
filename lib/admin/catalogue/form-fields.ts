// zod pieces the catalogue's forms share: a price typed in dollars, a slug, optional text.
// Each gives the message the merchant reads beside the field.
import { z } from "zod";
import { parsePriceToCents } from "./price";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./slug";

/** A FormData value as text ("" when absent or a file). */
export const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function toPositiveCents(input: string, context: z.core.$RefinementCtx<string>): number {
  const parsed = parsePriceToCents(input);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  if (parsed.cents <= 0) {
    context.addIssue({ code: "custom", message: "The price must be more than $0." });
    return z.NEVER;
  }
  return parsed.cents;
}

/** A price in dollars, more than zero, at most two decimals → integer cents. */
export const priceField = z.string().transform(toPositiveCents);

/** Like priceField, but empty means none (null). One transform, not a union: a union would
 * answer "Invalid input" instead of the price's own message. */
export const optionalPriceField = z
  .string()
  .transform((input, context) => (input.trim() === "" ? null : toPositiveCents(input, context)));

/** "" means "derive it from the name"; anything else must already be a slug. */
export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_SLUG_LENGTH, `Keep the slug under ${MAX_SLUG_LENGTH} characters.`)
  .refine(
    (slug) => slug === "" || SLUG_PATTERN.test(slug),
    "Use lowercase letters, digits and single hyphens, such as harbor-field-journal.",
  );

/** Optional text: trimmed, "" stored as null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .transform((value) => value || null);
