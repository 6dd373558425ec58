"use client";
// The Refund form of a paid order: all of it or a percent, a reason, a message to the customer,
// and whether the units go back in stock when the refund completes. Works without JavaScript;
// each refusal is shown beside its field and in the form's live region.
import { useActionState, useState, type ReactNode } from "react";
import { refund } from "@/lib/admin/orders/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

const field = "w-full rounded-xl border border-line bg-surface px-3.5 py-2.5 text-sm";

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="text-sm text-red-700">
      {errors[0]}
    </p>
  ) : null;
}

/** A free-text field QBitFlow takes up to 500 characters of, with its message below it. */
function TextField(props: {
  id: string;
  name: string;
  label: ReactNode;
  errors: string[] | undefined;
  describedBy: string;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="text-sm font-medium">
        {props.label}
      </label>
      <textarea
        id={props.id}
        name={props.name}
        rows={2}
        maxLength={500}
        aria-invalid={props.errors ? true : undefined}
        aria-describedby={props.describedBy}
        className={field}
      />
      <FieldError id={`refund-${props.name}-error`} errors={props.errors} />
    </div>
  );
}

export function RefundForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(refund, null);
  const [amount, setAmount] = useState<"full" | "partial">("full");
  const errors = state?.fieldErrors ?? {};
  const describedBy = (name: string) => (errors[name] ? `refund-${name}-error` : "refund-message");

  return (
    <form action={formAction} className="space-y-4" aria-label="Refund">
      <input type="hidden" name="orderId" value={orderId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Amount</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="amount"
            value="full"
            checked={amount === "full"}
            onChange={() => setAmount("full")}
          />
          The whole payment (100%)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="amount"
            value="partial"
            checked={amount === "partial"}
            onChange={() => setAmount("partial")}
          />
          Part of it
        </label>
        <div className="space-y-1.5 pl-6">
          <label htmlFor="refund-percent" className="text-sm">
            Percent of what the customer paid
          </label>
          <input
            id="refund-percent"
            name="percent"
            inputMode="decimal"
            placeholder="e.g. 25 or 12.5"
            disabled={amount === "full"}
            aria-invalid={errors.percent ? true : undefined}
            aria-describedby={describedBy("percent")}
            className={`${field} max-w-40`}
          />
          <FieldError id="refund-percent-error" errors={errors.percent} />
        </div>
      </fieldset>
      <TextField
        id="refund-reason"
        name="reason"
        errors={errors.reason}
        describedBy={describedBy("reason")}
        label={
          <>
            Reason <span className="font-normal text-muted">(for your records and QBitFlow&apos;s)</span>
          </>
        }
      />
      <TextField
        id="refund-merchant-message"
        name="merchantMessage"
        errors={errors.merchantMessage}
        describedBy={describedBy("merchantMessage")}
        label="Message to the customer"
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="restock" />
        Put the units back in stock when the refund completes
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Starting the refund…">Refund</SubmitButton>
        <ActionMessage id="refund-message" state={state} />
      </div>
    </form>
  );
}
