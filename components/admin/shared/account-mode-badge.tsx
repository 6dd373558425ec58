import type { AccountMode } from "@/lib/qbitflow/account-mode";

const MODES: Record<AccountMode, { label: string; className: string; title: string }> = {
  test: {
    label: "Test mode",
    className: "border-warn/30 bg-warn-soft text-warn",
    title: "A QBitFlow test key: payments use testnets, no real money moves.",
  },
  live: {
    label: "Live",
    className: "border-ok/30 bg-ok-soft text-ok",
    title: "A QBitFlow live key: payments are real.",
  },
  unknown: {
    label: "Mode unknown",
    className: "border-white/20 bg-white/10 text-white",
    title: "QBitFlow's GET /me did not answer (or no API key is set); checked again in a minute.",
  },
};

/** The admin says which QBitFlow account mode the store runs in, whatever it is. */
export function AccountModeBadge({ mode }: { mode: AccountMode }) {
  const { label, className, title } = MODES[mode];
  return (
    <span title={title} className={`rounded-full border px-2.5 py-0.5 text-xs font-semibold ${className}`}>
      {label}
    </span>
  );
}
