// Who is checking out, for the limit on unpaid orders and for recognising a repeated submission:
// a random id in an httpOnly cookie (set at the first checkout), and a hash of the client's
// address, so a client that drops its cookies is still counted. Neither is personal data kept
// in the clear: the id is random, and the address is stored only as its SHA-256.
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import type { Buyer } from "@/lib/orders/order-store";
import type { CartLine } from "./cart-lines";

export const BUYER_COOKIE = "buyer";
const ONE_YEAR = 60 * 60 * 24 * 365;
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh key for a rendered checkout form: every POST of that form carries it. */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** Only from a server action or route handler: may set the buyer cookie. */
export async function currentBuyer(): Promise<Buyer> {
  const store = await cookies();
  let key = store.get(BUYER_COOKIE)?.value;
  if (!key || !SUBMISSION_KEY.test(key)) {
    key = randomBytes(16).toString("base64url");
    store.set(BUYER_COOKIE, key, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: ONE_YEAR,
    });
  }
  const address = clientAddress(await headers());
  return { key, addressHash: address === "unknown" ? null : sha256(`address:${address}`) };
}

/**
 * The submission's key: the form's own when it sent a well-formed one; otherwise (a client that
 * posts without it) the buyer and the cart, so the same cart posted twice is still one order.
 */
export function submissionKey(posted: FormDataEntryValue | null, buyer: Buyer, lines: CartLine[]): string {
  if (typeof posted === "string" && SUBMISSION_KEY.test(posted)) return posted;
  return `cart-${sha256(JSON.stringify([buyer.key, buyer.addressHash, lines]))}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
