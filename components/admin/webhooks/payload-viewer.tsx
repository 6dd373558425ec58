// A payload as text: pretty-printed when it is JSON, verbatim otherwise. React escapes it, so a
// body someone crafted to look like HTML is shown, never rendered.
import { prettyPayload } from "@/components/admin/shared/format";

export function PayloadViewer({ raw, label }: { raw: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[32rem] overflow-auto bg-[#1b211e] p-5 font-mono text-xs leading-relaxed whitespace-pre text-[#e8efe9]"
    >
      {prettyPayload(raw)}
    </pre>
  );
}
