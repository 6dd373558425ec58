// The QBitFlow v2 client: the routes this starter calls, each mapped to our own types. Built from
// explicit options so tests (and the sandbox contract test) can point it anywhere; index.ts makes
// the app's configured instance.
import "server-only";
import type { z } from "zod";
import {
  checkoutSessionSchema,
  paymentSessionBody,
  sessionStatusSchema,
  type CheckoutSession,
  type CreatePaymentSessionParams,
  type SessionStatus,
} from "./checkout-session";
import { QBitFlowError } from "./errors";
import { meSchema, type Me } from "./me";
import { paymentReadSchema, type PaymentRead } from "./payment";
import {
  initiateRefundBody,
  refundPageSchema,
  refundSchema,
  type InitiateRefundParams,
  type Refund,
} from "./refund";
import { send, type RequestSpec, type TransportConfig } from "./transport";

export interface QBitFlowClientOptions {
  /** API root including the version, e.g. https://api.qbitflow.app/v2 or `${sandbox.url}/v2`. */
  baseUrl: string;
  /** A secret `sk_…` key. Server-side only. */
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Waits between retries; injectable so tests do not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Per attempt. Default 30 000 (spec §1.7). */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3 (waits of 1 s, 2 s, 4 s). */
  maxRetries?: number;
  userAgent?: string;
}

export interface CallOptions {
  /** Sent as `X-Request-Id` (1–128 of `A-Z a-z 0-9 - _ . :`); QBitFlow echoes it in errors. */
  requestId?: string;
}

export interface CreateOptions extends CallOptions {
  /**
   * 1–255 printable ASCII characters without spaces. Pass a key that is stable for the logical
   * operation, e.g. `checkout-<orderId>`, so a retry after a crash returns the same session
   * instead of creating a second one. The client reuses it on its own retries.
   */
  idempotencyKey: string;
}

export interface QBitFlowClient {
  /** What the key is; `test` tells test keys from live ones. */
  getMe(options?: CallOptions): Promise<Me>;
  /** POST …/new/payment (idempotent, retried). */
  createPaymentSession(params: CreatePaymentSessionParams, options: CreateOptions): Promise<CheckoutSession>;
  /** GET …/{id}/status. A session expired some days ago is a `not_found` error. */
  getSessionStatus(id: string, options?: CallOptions): Promise<SessionStatus>;
  /** POST …/{id}/expire. Never retried: on a transient error, read the status instead. */
  expireSession(id: string, options?: CallOptions): Promise<SessionStatus>;
  /** GET /transaction/payment/{id}: a `not_found` error when no such payment exists. */
  getPayment(id: string, options?: CallOptions): Promise<PaymentRead>;
  /**
   * GET /transaction/payment/reference/{reference}. Null on 404, which means "not paid yet" rather
   * than a failure (the payment only exists once confirmed); other errors throw.
   */
  getPaymentByReference(reference: string, options?: CallOptions): Promise<PaymentRead | null>;
  /**
   * POST /transaction/refunds/initiate (idempotent, retried): a `pending` Refund. No money moves
   * until the merchant signs the transfer in QBitFlow's dashboard. One refund per payment: a
   * second answers `refund_already_exists` (details.refundUuid).
   */
  initiateRefund(params: InitiateRefundParams, options: CreateOptions): Promise<Refund>;
  /** GET /transaction/refunds/all (open refunds) or …/all/inactive (answered ones), one page. */
  listRefunds(
    which: "active" | "inactive",
    page?: { cursor?: string; limit?: number },
    options?: CallOptions,
  ): Promise<{ items: Refund[]; nextCursor: string | null }>;
}

const DEFAULT_USER_AGENT = "qbitflow-checkout-starter/0.1";
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * One path segment. `@` (in `pay@…` ids) and `:` stay literal as the SDKs send them (spec §1.3);
 * everything else is percent-encoded so an id can never change the route.
 */
function segment(value: string): string {
  if (value === "") throw new TypeError("QBitFlow: an id or reference must not be empty");
  return encodeURIComponent(value).replace(/%40/g, "@").replace(/%3A/gi, ":");
}

function checkRequestId(options: CallOptions | undefined): string | undefined {
  const requestId = options?.requestId;
  if (requestId !== undefined && !REQUEST_ID.test(requestId)) {
    throw new TypeError("QBitFlow: requestId must be 1–128 of A-Z a-z 0-9 - _ . :");
  }
  return requestId;
}

export function createQBitFlowClient(options: QBitFlowClientOptions): QBitFlowClient {
  const apiKey = options.apiKey.trim();
  // The SDKs refuse these before sending: a blank or non-secret key can only produce a 401.
  if (!apiKey.startsWith("sk_")) throw new TypeError("QBitFlow: apiKey must be a secret key (sk_…)");
  if (!/^https?:\/\//i.test(options.baseUrl) || !URL.canParse(options.baseUrl)) {
    throw new TypeError(`QBitFlow: baseUrl must be an absolute http(s) URL, got "${options.baseUrl}"`);
  }
  const config: TransportConfig = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    now: Date.now,
  };
  const call = <T>(spec: RequestSpec<T>) => send(config, spec);

  const read = async <T>(path: string, schema: z.ZodType<T, unknown>, callOptions?: CallOptions) =>
    call({ method: "GET", path, retry: "read", schema, requestId: checkRequestId(callOptions) });

  return {
    getMe: (callOptions) => read("/me", meSchema, callOptions),

    async createPaymentSession(params, createOptions) {
      if (!IDEMPOTENCY_KEY.test(createOptions.idempotencyKey)) {
        throw new TypeError("QBitFlow: idempotencyKey must be 1–255 printable ASCII characters, no spaces");
      }
      return call({
        method: "POST",
        path: "/transaction/session-checkout/new/payment",
        body: paymentSessionBody(params),
        retry: "idempotentCreate",
        idempotencyKey: createOptions.idempotencyKey,
        requestId: checkRequestId(createOptions),
        schema: checkoutSessionSchema,
      });
    },

    getSessionStatus: async (id, callOptions) =>
      read(`/transaction/session-checkout/${segment(id)}/status`, sessionStatusSchema, callOptions),

    expireSession: async (id, callOptions) =>
      call({
        method: "POST",
        path: `/transaction/session-checkout/${segment(id)}/expire`,
        retry: "never",
        requestId: checkRequestId(callOptions),
        schema: sessionStatusSchema,
      }),

    getPayment: async (id, callOptions) =>
      read(`/transaction/payment/${segment(id)}`, paymentReadSchema, callOptions),

    async getPaymentByReference(reference, callOptions) {
      try {
        return await read(
          `/transaction/payment/reference/${segment(reference)}`,
          paymentReadSchema,
          callOptions,
        );
      } catch (error) {
        if (error instanceof QBitFlowError && error.status === 404) return null;
        throw error;
      }
    },

    async initiateRefund(params, createOptions) {
      if (!IDEMPOTENCY_KEY.test(createOptions.idempotencyKey)) {
        throw new TypeError("QBitFlow: idempotencyKey must be 1–255 printable ASCII characters, no spaces");
      }
      return call({
        method: "POST",
        path: "/transaction/refunds/initiate",
        body: initiateRefundBody(params),
        retry: "idempotentCreate",
        idempotencyKey: createOptions.idempotencyKey,
        requestId: checkRequestId(createOptions),
        schema: refundSchema,
      });
    },

    async listRefunds(which, page = {}, callOptions) {
      const query = new URLSearchParams();
      if (page.cursor) query.set("cursor", page.cursor);
      if (page.limit) query.set("limit", String(page.limit));
      const path = which === "active" ? "/transaction/refunds/all" : "/transaction/refunds/all/inactive";
      const search = query.size ? `?${query}` : "";
      return read(`${path}${search}`, refundPageSchema, callOptions);
    },
  };
}
