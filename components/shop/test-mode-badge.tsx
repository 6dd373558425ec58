import { getAccountMode } from "@/lib/qbitflow/account-mode";

/** Visible on every page while the store runs on a QBitFlow test key. */
export async function TestModeBadge() {
  if ((await getAccountMode()) !== "test") return null;
  return (
    <span
      className="rounded-full border border-warn/30 bg-warn-soft px-2.5 py-1 text-xs font-semibold text-warn"
      title="Payments use blockchain testnets: no real money moves."
    >
      Test mode
    </span>
  );
}
