import type { OrderView } from "@/lib/orders/order-view";

const STEPS = [
  { key: "PENDING", label: "Awaiting payment" },
  { key: "CONFIRMING", label: "Confirming" },
  { key: "PAID", label: "Paid" },
] as const;

/** The three steps of a payment, with the current one marked for sighted and screen reader users. */
export function OrderSteps({ status }: { status: OrderView["status"] }) {
  const current = STEPS.findIndex((step) => step.key === status);
  if (current === -1) return null; // expired or cancelled: no progress to show
  return (
    <ol className="grid grid-cols-3 gap-2 text-xs font-medium sm:text-sm" aria-label="Payment progress">
      {STEPS.map((step, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li
            key={step.key}
            aria-current={state === "current" ? "step" : undefined}
            className={`rounded-full border px-3 py-2 text-center ${
              state === "done"
                ? "border-ok/30 bg-ok-soft text-ok"
                : state === "current"
                  ? "border-brand bg-brand text-white"
                  : "border-line bg-surface text-muted"
            }`}
          >
            {state === "done" ? "✓ " : ""}
            {step.label}
          </li>
        );
      })}
    </ol>
  );
}
