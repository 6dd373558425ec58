/** Test helpers for refunds: a paid payment, initiate, and the control API's signature step. */
import type { RunningSandbox } from "../server";
import { control, createSession, type Call, type Dict, type Reply } from "./helpers";

export interface RefundBody {
  uuid: string;
  txUuid: string;
  status: string;
  initiatedBy: string;
  reason: string;
  merchantMessage: string;
  refundPercent: number;
  paidMinUnits: string;
  paidUsd: number;
  amountMinUnits: string;
  amountUsd: number;
  currencyId: number;
  respondedAt: string | null;
  txHash: string;
  chain: string;
  explorerUrl: string;
  metadata: Dict | null;
  [key: string]: unknown;
}

export interface RefundPage {
  items: RefundBody[];
  nextCursor: string | null;
}

/** A completed payment (inline $4.50 by default, USDC on Base unless `currencyId` says otherwise). */
export async function paidPayment(
  sandbox: RunningSandbox,
  call: Call,
  options: { currencyId?: number; session?: Dict } = {},
): Promise<string> {
  const uuid = await createSession(call, options.session);
  const res = await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, {
    skipConfirmation: true,
    ...(options.currencyId ? { currencyId: options.currencyId } : {}),
  });
  if (res.status !== 200) throw new Error(`complete failed: ${res.status} ${JSON.stringify(res.body)}`);
  return uuid;
}

export function initiate(
  call: Call,
  body: Dict,
  headers: Record<string, string> = {},
): Promise<Reply<RefundBody>> {
  return call<RefundBody>("POST", "/v2/transaction/refunds/initiate", body, headers);
}

export async function refundAction(
  sandbox: RunningSandbox,
  action: "sign" | "deny",
  refundUuid: string,
  body: Dict = {},
): Promise<Reply<{ refund: RefundBody }>> {
  return control<{ refund: RefundBody }>(sandbox, "POST", `/sandbox/refunds/${refundUuid}/${action}`, body);
}

export async function customerRequest(
  sandbox: RunningSandbox,
  paymentUuid: string,
  body: Dict = {},
): Promise<Reply<{ refund: RefundBody }>> {
  return control<{ refund: RefundBody }>(
    sandbox,
    "POST",
    `/sandbox/payments/${paymentUuid}/request-refund`,
    body,
  );
}
