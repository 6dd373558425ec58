"use client";
// Works without JavaScript (a plain form post to the server action, then a redirect to the
// payment page) and with it (pending button, errors announced in place).
import { useActionState } from "react";
import { checkout } from "@/lib/cart/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CheckoutForm({ submissionKey }: { submissionKey: string }) {
  const [state, formAction] = useActionState(checkout, null);
  const emailError = state?.fieldErrors?.email?.[0];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="submission" value={submissionKey} />
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-medium">
          Email for the receipt <span className="font-normal text-muted">(optional)</span>
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          aria-invalid={emailError ? true : undefined}
          aria-describedby="checkout-message"
          className="h-11 rounded-xl border border-line bg-surface px-3 text-sm"
        />
      </div>
      <SubmitButton pendingLabel="Opening the payment page…" className="w-full">
        Pay with crypto
      </SubmitButton>
      <FormMessage id="checkout-message" tone={state && !state.ok ? "error" : null}>
        {state && !state.ok ? state.message : null}
      </FormMessage>
      <p className="text-xs text-muted">
        You pay from your own wallet on Ethereum, Base or Solana through QBitFlow. Nothing is charged until
        you confirm in your wallet.
      </p>
    </form>
  );
}
