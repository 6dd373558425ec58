import { getAccountMode, type AccountMode } from "@/lib/qbitflow/account-mode";

/**
 * Visible on every page while the store runs on a QBitFlow test key. Part of the prerendered
 * catalogue pages too (the mode is the key's, the same for every visitor). At build time, where
 * the run-time configuration may be absent, the mode is unknown and nothing shows.
 */
export async function TestModeBadge() {
  let mode: AccountMode;
  try {
    mode = await getAccountMode();
  } catch {
    return null;
  }
  if (mode !== "test") return null;
  return (
    <span
      className="shrink-0 rounded-full border border-warn/30 bg-warn-soft px-2.5 py-1 text-xs font-semibold whitespace-nowrap text-warn"
      title="Payments use blockchain testnets: no real money moves."
    >
      {/* "Test" alone on a phone, so the header never wraps or scrolls sideways. */}
      Test<span className="hidden sm:inline"> mode</span>
    </span>
  );
}
