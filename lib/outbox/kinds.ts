// The kinds of job this shop writes. Shared by the code that writes them (lib/orders, after each
// change) and the code that runs them (lib/jobs/handlers.ts), which must not import each other.
export const JOB_KINDS = {
  /** The customer's receipt, once an order is paid. */
  receipt: "receipt",
  /** "Your checkout expired / was cancelled", with a link back to the cart. */
  checkoutClosed: "checkout-closed",
  /** The merchant hears of every paid order… */
  merchantPaid: "merchant-paid",
  /** …and of every order that needs a human. */
  merchantReview: "merchant-review",
  /** The customer's refund notice, once the refund was sent (amount, percent, the merchant's message). */
  refundNotice: "refund-notice",
  /** The merchant hears that a customer asked for a refund, to review it in QBitFlow. */
  merchantRefundRequest: "merchant-refund-request",
  /** The merchant's own follow-up: lib/fulfilment/on-order-paid.ts. */
  fulfilment: "fulfilment",
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
