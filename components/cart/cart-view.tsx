"use client";
// The cart's lines and total. Quantity changes show at once (optimistic) and are confirmed by the
// server action; without JavaScript the same forms post to the server action directly.
import Link from "next/link";
import { useOptimistic, startTransition } from "react";
import { updateCartLine } from "@/lib/cart/actions";
import { Price } from "@/components/ui/price";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MAX_QUANTITY } from "@/lib/cart/cart-lines";
import type { PricedCart, PricedCartLine } from "@/lib/cart/priced-cart";
import { testModeCapNotice } from "@/lib/cart/test-mode-cap";
import { CapNoticeView } from "./cap-notice";
import { LineItem } from "./line-item";
import { announceCartChanged } from "./cart-count";

type Change = { variantId: string; quantity: number };

function applyChange(lines: PricedCartLine[], change: Change): PricedCartLine[] {
  if (change.quantity <= 0) return lines.filter((line) => line.variantId !== change.variantId);
  return lines.map((line) =>
    line.variantId === change.variantId
      ? { ...line, quantity: change.quantity, lineTotalCents: line.unitPriceCents * change.quantity }
      : line,
  );
}

interface CartViewProps {
  cart: PricedCart;
  /** QBitFlow's test-mode limit on an order's total, or null in live mode. */
  capCents: number | null;
  children?: React.ReactNode;
}

export function CartView({ cart, capCents, children }: CartViewProps) {
  const hydrated = useHydrated();
  const [lines, change] = useOptimistic(cart.lines, applyChange);
  const totalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const capNotice = testModeCapNotice(lines, capCents);

  async function optimisticUpdate(formData: FormData) {
    change({ variantId: String(formData.get("variantId")), quantity: Number(formData.get("quantity")) });
    await updateCartLine(formData);
    announceCartChanged();
  }
  const lineAction = hydrated ? optimisticUpdate : updateCartLine;

  if (lines.length === 0) {
    return (
      <p className="rounded-2xl border border-line bg-surface p-8 text-center text-muted">
        Your cart is empty.{" "}
        <Link href="/" className="font-medium text-brand underline underline-offset-4">
          Browse the shop
        </Link>
      </p>
    );
  }

  return (
    <div className="grid min-w-0 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <ul
        className="divide-y divide-line rounded-2xl border border-line bg-surface"
        aria-label="Items in your cart"
      >
        {lines.map((line) => (
          <LineItem
            key={line.variantId}
            line={line}
            totalCents={line.lineTotalCents}
            size="large"
            href={`/products/${line.slug}${line.variantTitle ? `?variant=${line.variantId}` : ""}`}
          >
            <p className="text-sm text-muted">
              <Price cents={line.unitPriceCents} /> each
              {line.quantity > line.available ? (
                <span className="ml-2 font-medium text-warn">
                  {line.available === 0 ? "Sold out" : `Only ${line.available} left`}
                </span>
              ) : null}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <form action={lineAction} className="flex items-center gap-2">
                <input type="hidden" name="variantId" value={line.variantId} />
                <label htmlFor={`qty-${line.variantId}`} className="sr-only">
                  Quantity of {line.name}
                  {line.variantTitle ? ` (${line.variantTitle})` : ""}
                </label>
                <select
                  id={`qty-${line.variantId}`}
                  name="quantity"
                  value={line.quantity}
                  onChange={(event) => {
                    const form = event.currentTarget.form;
                    if (form) startTransition(() => form.requestSubmit());
                  }}
                  className="h-9 rounded-full border border-line bg-surface px-3 text-sm"
                >
                  {Array.from({ length: MAX_QUANTITY }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                {hydrated ? null : (
                  <button type="submit" className="text-sm font-medium text-brand underline">
                    Update
                  </button>
                )}
              </form>
              <form action={lineAction}>
                <input type="hidden" name="variantId" value={line.variantId} />
                <input type="hidden" name="quantity" value="0" />
                <button
                  type="submit"
                  className="text-sm text-muted underline underline-offset-4 hover:text-ink"
                >
                  Remove
                  <span className="sr-only">
                    {" "}
                    {line.name}
                    {line.variantTitle ? ` (${line.variantTitle})` : ""}
                  </span>
                </button>
              </form>
            </div>
          </LineItem>
        ))}
      </ul>
      <aside
        className="h-fit space-y-4 rounded-2xl border border-line bg-surface p-5"
        aria-label="Order summary"
      >
        <div className="flex items-baseline justify-between">
          <span className="font-medium">Total</span>
          <Price
            cents={totalCents}
            className={`text-2xl font-semibold ${capNotice ? "rounded-lg bg-warn-soft px-2 text-warn" : ""}`}
          />
        </div>
        {capNotice ? <CapNoticeView notice={capNotice} id="cap-notice" /> : null}
        {children}
      </aside>
    </div>
  );
}
