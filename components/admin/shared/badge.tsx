// Small status pills for the admin: one shape, a few tones.
import type { ReactNode } from "react";
import type { DeliveryOutcome, OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";

export type Tone = "ok" | "warn" | "bad" | "neutral" | "info";

const TONES: Record<Tone, string> = {
  ok: "border-ok/25 bg-ok-soft text-ok",
  warn: "border-warn/25 bg-warn-soft text-warn",
  bad: "border-red-700/20 bg-red-50 text-red-700",
  neutral: "border-line bg-sold-soft text-sold",
  info: "border-brand/20 bg-brand-soft text-brand-strong",
};

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

const ORDER_TONES: Record<OrderStatus, Tone> = {
  PENDING: "neutral",
  CONFIRMING: "info",
  PAID: "ok",
  EXPIRED: "neutral",
  CANCELLED: "neutral",
};

const ORDER_LABELS: Record<OrderStatus, string> = {
  PENDING: "Pending",
  CONFIRMING: "Confirming",
  PAID: "Paid",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span data-status={status}>
      <Badge tone={ORDER_TONES[status]}>{ORDER_LABELS[status]}</Badge>
    </span>
  );
}

const REFUNDS: Record<Exclude<RefundStatus, "NONE">, { tone: Tone; label: string }> = {
  REQUESTED: { tone: "warn", label: "Refund requested" },
  PENDING: { tone: "info", label: "Refund waiting for signature" },
  REFUNDED: { tone: "neutral", label: "Refunded" },
  DENIED: { tone: "neutral", label: "Refund denied" },
};

export function RefundBadge({ status }: { status: RefundStatus }) {
  if (status === "NONE") return null;
  return (
    <span data-refund={status}>
      <Badge tone={REFUNDS[status].tone}>{REFUNDS[status].label}</Badge>
    </span>
  );
}

export function ReviewBadge({ needsReview, reviewedAt }: { needsReview: boolean; reviewedAt: Date | null }) {
  if (!needsReview) return null;
  return reviewedAt ? <Badge tone="neutral">Reviewed</Badge> : <Badge tone="warn">Needs review</Badge>;
}

const OUTCOMES: Record<DeliveryOutcome, { tone: Tone; label: string }> = {
  PROCESSED: { tone: "ok", label: "Processed" },
  DUPLICATE: { tone: "neutral", label: "Duplicate" },
  FAILED: { tone: "bad", label: "Failed" },
  REJECTED: { tone: "bad", label: "Rejected" },
};

export function OutcomeBadge({ outcome }: { outcome: DeliveryOutcome }) {
  const { tone, label } = OUTCOMES[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}

export function SignatureBadge({ valid }: { valid: boolean | null }) {
  if (valid === null) return <Badge tone="neutral">Not checked</Badge>;
  return valid ? <Badge tone="ok">Valid</Badge> : <Badge tone="bad">Invalid</Badge>;
}
