/** Creates payment checkout sessions: validation, product lookup, reference uniqueness. */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { DEFAULT_EXPIRES_IN_MINUTES } from "../defaults";
import { conflict, notFound } from "../http/errors";
import type { Store } from "../store";
import type { Mode, SessionRecord } from "../types";
import { assertTestModeCap, totalAmount, validateSessionInput } from "./session-input";

/** A product the sandbox knows, for `productUuid` / `productReference` sessions. */
export interface SandboxProduct {
  uuid: string;
  reference?: string;
  name: string;
  description?: string;
  price: number;
}

export interface CreateDeps {
  store: Store;
  clock: Clock;
  products: SandboxProduct[];
  defaultExpiresInMinutes?: number;
}

export function createSession(deps: CreateDeps, body: Record<string, unknown>, mode: Mode): SessionRecord {
  const { input, fees } = validateSessionInput(body, mode);
  let product: SandboxProduct | undefined;
  if (input.productUuid !== undefined) {
    product = deps.products.find((p) => p.uuid.toLowerCase() === input.productUuid?.toLowerCase());
    if (!product) throw notFound("product");
  } else if (input.productReference !== undefined) {
    product = deps.products.find((p) => (p.reference ?? p.uuid) === input.productReference);
    if (!product) throw notFound("product");
  }
  const price = product ? product.price : (input.price as number);
  const amount = totalAmount(price, fees);
  assertTestModeCap(amount, mode);

  if (input.reference !== undefined && referenceTaken(deps.store, input.reference, mode)) {
    throw conflict(
      "unique_violation",
      `reference "${input.reference}" is already used by another payment or open checkout`,
      { field: "reference" },
    );
  }

  const now = deps.clock.now();
  const minutes = input.expiresInMinutes || (deps.defaultExpiresInMinutes ?? DEFAULT_EXPIRES_IN_MINUTES);
  const session: SessionRecord = {
    uuid: `pay@${randomUUID()}`,
    mode,
    status: "created",
    productUuid: product?.uuid ?? null,
    productReference: input.productReference ?? null,
    productName: product?.name ?? (input.productName as string),
    description: product ? (product.description ?? null) : (input.description ?? null),
    price,
    fees,
    amount,
    reference: input.reference ?? null,
    successUrl: input.successUrl ?? null,
    cancelUrl: input.cancelUrl ?? null,
    customerUuid: input.customerUuid ?? null,
    customerReference: input.customerReference ?? null,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + deps.clock.scale(minutes * 60_000)).toISOString(),
    checkoutOpenedAt: null,
    message: null,
    lastAttempt: null,
    pending: null,
    txHash: null,
  };
  deps.store.state.sessions[session.uuid] = session;
  deps.store.changed();
  return session;
}

/** A reference is held by a payment or an open session; an expired session frees it (spec §2.1). */
function referenceTaken(store: Store, reference: string, mode: Mode): boolean {
  return Object.values(store.state.sessions).some(
    (s) => s.mode === mode && s.reference === reference && s.status !== "expired",
  );
}

/** Accepts `pay@<uuid>` or the bare uuid (JS3 `payments.get`). */
export function normalizeTxId(id: string): string {
  return id.startsWith("pay@") ? id : `pay@${id}`;
}
