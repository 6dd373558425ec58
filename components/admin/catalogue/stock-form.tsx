"use client";
// One variant's stock: "set to" a count (after a stocktake) or "adjust by" a change (a
// delivery, breakage), with the reason, which the history keeps with who and when.
import { ActionMessage } from "@/components/admin/shared/action-message";
import { adjustStockAction } from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { useKeptForm } from "./use-kept-form";

interface StockFormProps {
  variant: { id: string; title: string; stock: number; held: number };
}

export function StockForm({ variant }: StockFormProps) {
  const { state, pending, formProps } = useKeptForm(adjustStockAction);
  const id = `stock-${variant.id}`;
  return (
    <form
      {...formProps}
      className="grid items-start gap-3 sm:grid-cols-[10rem_9rem_7rem_1fr_auto]"
      aria-label={`Stock of ${variant.title}`}
    >
      <input type="hidden" name="variantId" value={variant.id} />
      <div className="pt-7 text-sm">
        <span className="font-semibold">{variant.title}</span>
        <span className="block text-muted" data-testid={`${id}-level`}>
          {variant.stock} in stock{variant.held ? `, ${variant.held} held` : ""}
        </span>
      </div>
      <Field id={`${id}-mode`} label="Change" error={fieldError(state, "mode")}>
        {(props) => (
          <select {...props} name="mode" defaultValue="set" className={inputClasses}>
            <option value="set">Set to</option>
            <option value="adjust">Adjust by (+/−)</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-amount`} label={`Units of ${variant.title}`} error={fieldError(state, "amount")}>
        {(props) => <input {...props} name="amount" inputMode="numeric" className={inputClasses} />}
      </Field>
      <Field id={`${id}-reason`} label={`Reason for ${variant.title}`} error={fieldError(state, "reason")}>
        {(props) => (
          <input {...props} name="reason" placeholder="Delivery from the printer" className={inputClasses} />
        )}
      </Field>
      <div className="pt-6">
        <SubmitButton pending={pending} variant="secondary">
          Update stock
        </SubmitButton>
        <ActionMessage id={`${id}-message`} state={state} />
      </div>
    </form>
  );
}
