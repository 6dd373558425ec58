// Which variant the product page shows, and where each option value leads. The choice lives in
// the URL (`?variant=<id>`), so picking a size is a link: it works without JavaScript, can be
// shared, and the page renders the chosen variant's price and stock on the server. Pure.
import type { CatalogProduct, CatalogVariant } from "./types";

/** The variant named in the URL, else the first that can be bought, else the first. */
export function selectedVariant(product: CatalogProduct, variantParam: string | string[] | undefined) {
  const wanted = Array.isArray(variantParam) ? variantParam[0] : variantParam;
  return (
    product.variants.find((variant) => variant.id === wanted) ??
    product.variants.find((variant) => variant.available > 0) ??
    product.variants[0]
  );
}

export interface OptionChoice {
  value: string;
  /** The variant this value leads to, or null when no variant on sale has it. */
  variantId: string | null;
  selected: boolean;
  /** Whether that variant can be bought now. */
  available: boolean;
}

/**
 * For each option, its values and the variant each leads to: the selected variant's other values
 * kept when that combination exists, else the first variant with the value (one in stock first).
 */
export function optionChoices(
  product: CatalogProduct,
  selected: CatalogVariant,
): { name: string; choices: OptionChoice[] }[] {
  return product.options.map((option, index) => ({
    name: option.name,
    choices: option.values.map((value) => {
      const withValue = product.variants.filter((variant) => variant.optionValues[index] === value);
      const target =
        withValue.find((variant) =>
          variant.optionValues.every((other, i) => i === index || other === selected.optionValues[i]),
        ) ??
        withValue.find((variant) => variant.available > 0) ??
        withValue[0];
      return {
        value,
        variantId: target?.id ?? null,
        selected: selected.optionValues[index] === value,
        available: (target?.available ?? 0) > 0,
      };
    }),
  }));
}
