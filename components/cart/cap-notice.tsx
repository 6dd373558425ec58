import type { CapNotice } from "@/lib/cart/test-mode-cap";

/** The test-mode cap, said before Pay: why the total is amber, and the change that fixes it. */
export function CapNoticeView({ notice, id }: { notice: CapNotice; id?: string }) {
  return (
    <div
      id={id}
      role="status"
      className="rounded-xl border border-warn/30 bg-warn-soft p-3 text-sm text-warn"
    >
      <p className="font-semibold">{notice.reason}</p>
      <p className="mt-1">{notice.fix}</p>
    </div>
  );
}
