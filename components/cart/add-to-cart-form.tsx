"use client";
// Adds the chosen variant to the cart. With JavaScript, success opens the cart drawer (focus moves
// into it and comes back to this button when it closes); without, the page answers with a
// message and a link to the cart.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { addToCart } from "@/lib/cart/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_QUANTITY } from "@/lib/cart/cart-lines";
import { announceCartChanged } from "./cart-count";
import { CART_QUERY_KEY, CartDrawer } from "./cart-drawer";

interface AddToCartFormProps {
  /** The variant to add: the one chosen on the page, or the product's default variant. */
  variantId: string;
  available: number;
}

export function AddToCartForm({ variantId, available }: AddToCartFormProps) {
  const [state, formAction] = useActionState(addToCart, null);
  // The drawer shows each success once: closing it remembers which answer it showed.
  const [closedFor, setClosedFor] = useState<typeof state>(null);
  const drawerOpen = Boolean(state?.ok) && state !== closedFor;
  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLElement | null>(null);
  const queryClient = useQueryClient();
  const choices = Array.from({ length: Math.min(available, MAX_QUANTITY) }, (_, i) => i + 1);
  const tone = state ? (state.ok ? "success" : "error") : null;

  useEffect(() => {
    submitButton.current = form.current?.querySelector<HTMLElement>('button[type="submit"]') ?? null;
  }, []);

  useEffect(() => {
    if (!state?.ok) return;
    announceCartChanged();
    void queryClient.invalidateQueries({ queryKey: CART_QUERY_KEY });
  }, [state, queryClient]);

  return (
    <>
      <form ref={form} action={formAction} className="space-y-3">
        <input type="hidden" name="variantId" value={variantId} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="quantity" className="text-sm font-medium">
              Quantity
            </label>
            <select
              id="quantity"
              name="quantity"
              defaultValue="1"
              aria-describedby="add-to-cart-message"
              aria-invalid={state?.fieldErrors?.quantity ? true : undefined}
              className="h-11 rounded-full border border-line bg-surface px-4 text-sm"
            >
              {choices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pendingLabel="Adding…" className="h-11 px-6">
            Add to cart
          </SubmitButton>
        </div>
        <FormMessage id="add-to-cart-message" tone={tone}>
          {state?.message}{" "}
          {state?.ok ? (
            <Link href="/cart" className="font-semibold underline underline-offset-4">
              View cart
            </Link>
          ) : null}
        </FormMessage>
      </form>
      <CartDrawer
        open={drawerOpen}
        // Not the form's own message again: that one stays beside the button (and is what a
        // browser without JavaScript shows).
        message="Added to your cart."
        onClose={() => setClosedFor(state)}
        returnFocusTo={submitButton}
      />
    </>
  );
}
