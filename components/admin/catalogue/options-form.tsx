"use client";
// A product's options (name + comma-separated values). Saving makes one variant per combination,
// keeping those that still exist; the page then lists them.
import { useState } from "react";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { Button } from "@/components/ui/button";
import { saveOptionsAction } from "@/lib/admin/catalogue/actions";
import { MAX_OPTIONS } from "@/lib/admin/catalogue/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { useKeptForm } from "./use-kept-form";

interface OptionsFormProps {
  productId: string;
  options: { name: string; values: string[] }[];
}

export function OptionsForm({ productId, options }: OptionsFormProps) {
  const { state, pending, formProps } = useKeptForm(saveOptionsAction);
  // At least one row to type in; without JavaScript, one spare row is always there.
  const [rows, setRows] = useState(
    Math.min(MAX_OPTIONS, Math.max(1, options.length + (options.length ? 0 : 1))),
  );
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      <p className="text-sm text-muted">
        For example Size: S, M, L. Each combination of values becomes a variant with its own SKU, price and
        stock. Leave every row empty for a product without options.
      </p>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="grid gap-3 sm:grid-cols-[12rem_1fr]">
          <Field
            id={`option-${index}-name`}
            label={`Option ${index + 1}`}
            error={fieldError(state, `option.${index}.name`)}
          >
            {(props) => (
              <input
                {...props}
                name={`option.${index}.name`}
                defaultValue={options[index]?.name ?? ""}
                placeholder="Size"
                className={inputClasses}
              />
            )}
          </Field>
          <Field
            id={`option-${index}-values`}
            label="Values"
            hint="(comma-separated)"
            error={fieldError(state, `option.${index}.values`)}
          >
            {(props) => (
              <input
                {...props}
                name={`option.${index}.values`}
                defaultValue={options[index]?.values.join(", ") ?? ""}
                placeholder="S, M, L"
                className={inputClasses}
              />
            )}
          </Field>
        </div>
      ))}
      <p className="min-h-4 text-xs text-red-700">{fieldError(state, "options")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save options
        </SubmitButton>
        {rows < MAX_OPTIONS ? (
          <Button variant="secondary" onClick={() => setRows(rows + 1)}>
            Add an option
          </Button>
        ) : null}
        <ActionMessage id="options-message" state={state} />
      </div>
    </form>
  );
}
