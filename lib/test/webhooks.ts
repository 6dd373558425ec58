// Builds webhook deliveries the way QBitFlow sends them, signed with an independent HMAC
// (node:crypto here, not the code under test).
import { createHmac, randomUUID } from "node:crypto";

export const TEST_SECRET = "whsec_test_endpoint_secret";

export function sign(body: string, secret = TEST_SECRET, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

export function delivery(body: string, signature: string | null = sign(body)): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["qbitflow-signature"] = signature;
  return new Request("http://localhost/api/webhooks/qbitflow", { method: "POST", headers, body });
}

export function envelope(type: string, data: unknown, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `evt_${randomUUID()}`,
    type,
    version: "v2",
    createdAt: new Date().toISOString(),
    test: true,
    data,
    ...overrides,
  });
}

export function paymentData(order: { id: string; totalCents: number; sessionId: string }, overrides = {}) {
  const txHash = `0x${randomUUID().replace(/-/g, "")}`;
  return {
    uuid: order.sessionId,
    reference: order.id,
    amount: order.totalCents / 100,
    paidUsd: order.totalCents / 100 + 0.0042,
    chain: "BASE",
    currency: { id: 8, symbol: "USDC", name: "USD Coin", decimals: 6 },
    txHash,
    explorerUrl: `https://sepolia.basescan.org/tx/${txHash}`,
    createdAt: new Date().toISOString(),
    confirmedAt: new Date().toISOString(),
    test: true,
    ...overrides,
  };
}

export function expiredData(order: { id: string; sessionId: string }) {
  return {
    uuid: order.sessionId,
    reference: order.id,
    txType: "payment",
    organizationName: "Test shop",
    test: true,
    availableCurrencyIds: [8],
    expiresAt: new Date().toISOString(),
  };
}
