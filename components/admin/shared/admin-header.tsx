// The admin's own bar under the storefront header: dark, so nobody mistakes it for the shop.
// Shows the QBitFlow account mode and base URL: the first things to check when payments look
// wrong ("am I on the test key?", "am I talking to the sandbox?"), and customers' refund requests
// waiting for an answer.
import Link from "next/link";
import { logout } from "@/lib/admin/session/actions";
import { countRefundRequests } from "@/lib/admin/orders/order-queries";
import { Container } from "@/components/ui/container";
import { getEnv } from "@/lib/env";
import { getAccountMode } from "@/lib/qbitflow/account-mode";
import { storeConfig } from "@/lib/store-config";
import { AccountModeBadge } from "./account-mode-badge";
import { AdminNav } from "./admin-nav";

export async function AdminHeader() {
  const [mode, refundRequests] = await Promise.all([getAccountMode(), countRefundRequests()]);
  return (
    <div className="bg-ink text-white">
      <Container className="flex flex-wrap items-center gap-x-6 gap-y-3 py-3">
        <p className="flex items-center gap-2 text-sm font-semibold">
          {storeConfig.name}
          <span className="rounded-md bg-white/15 px-1.5 py-0.5 text-[11px] tracking-wider uppercase">
            Admin
          </span>
        </p>
        <AdminNav />
        {refundRequests ? (
          <Link
            href="/admin/orders?status=refunds"
            className="rounded-full bg-warn px-3 py-1 text-xs font-semibold text-white"
            data-testid="refund-requests"
          >
            {refundRequests} refund request{refundRequests === 1 ? "" : "s"}
          </Link>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-xs">
          <AccountModeBadge mode={mode} />
          <span className="text-white/70">
            QBitFlow <code className="font-mono text-white">{getEnv().QBITFLOW_API_URL}</code>
          </span>
          <form action={logout}>
            <button
              type="submit"
              className="rounded-full border border-white/25 px-3 py-1 font-semibold text-white transition-colors hover:bg-white/10"
            >
              Log out
            </button>
          </form>
        </div>
      </Container>
    </div>
  );
}
