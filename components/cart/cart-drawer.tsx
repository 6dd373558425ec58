"use client";
// The cart drawer: a modal dialog that opens after "Add to cart" with the cart as it is now (GET
// /api/cart through React Query). Focus moves into it, Tab stays inside it, and Escape or the
// close button closes it and puts focus back where it was (`returnFocusTo`). The full /cart page
// does the same without JavaScript.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import { Price } from "@/components/ui/price";
import { buttonClasses } from "@/components/ui/button";
import type { CartSummary } from "@/lib/cart/cart-summary";
import { testModeCapNotice } from "@/lib/cart/test-mode-cap";
import { CapNoticeView } from "./cap-notice";
import { LineItem } from "./line-item";

export const CART_QUERY_KEY = ["cart"] as const;

async function fetchCart(): Promise<CartSummary> {
  const response = await fetch("/api/cart", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET /api/cart answered ${response.status}`);
  return (await response.json()) as CartSummary;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

interface CartDrawerProps {
  open: boolean;
  /** What was just added, said at the top. */
  message: string;
  onClose: () => void;
  returnFocusTo: RefObject<HTMLElement | null>;
}

export function CartDrawer({ open, message, onClose, returnFocusTo }: CartDrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const cart = useQuery({ queryKey: CART_QUERY_KEY, queryFn: fetchCart, enabled: open, staleTime: 0 });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal(); // the page behind becomes inert
      heading.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const close = () => {
    onClose();
    // After the dialog has closed, so the browser's own focus restoring cannot win.
    requestAnimationFrame(() => returnFocusTo.current?.focus());
  };

  // Tab from the last control goes to the first, Shift+Tab from the first to the last.
  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === heading.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const data = cart.data;
  const notice = data ? testModeCapNotice(data.lines, data.capCents) : null;

  return (
    <dialog
      ref={dialog}
      aria-labelledby="cart-drawer-title"
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through React state, then return focus
        close();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-sm overflow-y-auto border-l border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-ink/40"
    >
      <div className="flex min-h-full flex-col gap-5 p-5">
        <div className="flex items-start justify-between gap-3">
          <h2
            id="cart-drawer-title"
            ref={heading}
            tabIndex={-1}
            className="font-display text-xl font-semibold"
          >
            Your cart
          </h2>
          <button
            type="button"
            onClick={close}
            className="inline-flex size-10 items-center justify-center rounded-full border border-line hover:border-brand hover:text-brand"
          >
            <span aria-hidden="true">✕</span>
            <span className="sr-only">Close the cart</span>
          </button>
        </div>
        <p role="status" className="rounded-xl bg-ok-soft p-3 text-sm font-medium text-ok">
          {message}
        </p>

        {cart.isError ? (
          <p className="text-sm text-muted">
            The cart could not be loaded here; <Link href="/cart">open the cart page</Link>.
          </p>
        ) : !data ? (
          <p className="text-sm text-muted">Loading your cart…</p>
        ) : (
          <>
            <ul className="divide-y divide-line" aria-label="Items in your cart">
              {data.lines.map((line) => (
                <LineItem key={line.variantId} line={line} totalCents={line.lineTotalCents} size="medium">
                  <p className="text-muted">Quantity {line.quantity}</p>
                </LineItem>
              ))}
            </ul>
            <div className="flex items-baseline justify-between border-t border-line pt-4">
              <span className="font-medium">Total</span>
              <Price
                cents={data.totalCents}
                className={`text-xl font-semibold ${notice ? "rounded-lg bg-warn-soft px-2 text-warn" : ""}`}
              />
            </div>
            {notice ? <CapNoticeView notice={notice} /> : null}
          </>
        )}

        <div className="mt-auto flex flex-col gap-3">
          <Link href="/cart" className={buttonClasses("primary", "w-full")}>
            View cart and pay
          </Link>
          <button type="button" onClick={close} className={buttonClasses("secondary", "w-full")}>
            Continue shopping
          </button>
        </div>
      </div>
    </dialog>
  );
}
