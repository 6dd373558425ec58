import Link from "next/link";
import type { CatalogProduct, CatalogVariant } from "@/lib/catalog";
import { optionChoices } from "@/lib/catalog/variant-choice";

/**
 * One group per option ("Size: S M L"). Each value is a link to the page with that variant in
 * the URL, so choosing works without JavaScript and the server renders the chosen variant's
 * price and stock; with JavaScript it is a client navigation. A richer picker can replace this
 * component without touching the page or the cart form.
 */
export function VariantPicker({ product, selected }: { product: CatalogProduct; selected: CatalogVariant }) {
  if (product.options.length === 0) return null;
  return (
    <div className="space-y-4">
      {optionChoices(product, selected).map((option) => (
        <fieldset key={option.name} className="space-y-2">
          <legend className="text-sm font-medium">
            {option.name}:{" "}
            <span className="text-muted">
              {option.choices.find((choice) => choice.selected)?.value ?? "choose one"}
            </span>
          </legend>
          <ul className="flex flex-wrap gap-2">
            {option.choices.map((choice) => {
              const base =
                "inline-flex h-10 min-w-12 items-center justify-center rounded-full border px-4 text-sm font-medium";
              if (!choice.variantId) {
                return (
                  <li key={choice.value}>
                    <span aria-disabled="true" className={`${base} border-line text-muted line-through`}>
                      {choice.value}
                    </span>
                  </li>
                );
              }
              return (
                <li key={choice.value}>
                  <Link
                    href={`/products/${product.slug}?variant=${choice.variantId}`}
                    replace
                    scroll={false}
                    aria-current={choice.selected ? "true" : undefined}
                    className={`${base} ${
                      choice.selected
                        ? "border-brand bg-brand text-white"
                        : "border-line bg-surface hover:border-brand"
                    } ${choice.available ? "" : "opacity-60"}`}
                  >
                    {choice.value}
                    {choice.available ? null : <span className="sr-only"> (sold out)</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
