"use client";
// Each variant's SKU and price override, in one form. Stock has its own forms (stock-form.tsx):
// every change of it is recorded with a reason.
import { ActionMessage } from "@/components/admin/shared/action-message";
import { saveVariantsAction } from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { useKeptForm } from "./use-kept-form";

export interface VariantRow {
  id: string;
  title: string;
  sku: string;
  price: string;
}

export function VariantsForm({
  productId,
  variants,
  basePrice,
}: {
  productId: string;
  variants: VariantRow[];
  basePrice: string;
}) {
  const { state, pending, formProps } = useKeptForm(saveVariantsAction);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      {variants.map((variant) => (
        <div key={variant.id} className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_10rem]">
          <input type="hidden" name="variantIds" value={variant.id} />
          <p className="pt-8 text-sm font-semibold">{variant.title}</p>
          <Field
            id={`variant-${variant.id}-sku`}
            label={`SKU of ${variant.title}`}
            error={fieldError(state, `variant.${variant.id}.sku`)}
          >
            {(props) => (
              <input
                {...props}
                name={`variant.${variant.id}.sku`}
                defaultValue={variant.sku}
                className={inputClasses}
              />
            )}
          </Field>
          <Field
            id={`variant-${variant.id}-price`}
            label={`Price of ${variant.title}`}
            error={fieldError(state, `variant.${variant.id}.price`)}
          >
            {(props) => (
              <input
                {...props}
                name={`variant.${variant.id}.price`}
                inputMode="decimal"
                defaultValue={variant.price}
                placeholder={basePrice}
                className={inputClasses}
              />
            )}
          </Field>
        </div>
      ))}
      <p className="text-xs text-muted">
        An empty price sells the variant at the product&apos;s price (${basePrice}).
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save variants
        </SubmitButton>
        <ActionMessage id="variants-message" state={state} />
      </div>
    </form>
  );
}
