// The going-live checks as a list: a verdict badge, what was found, what to do.
import { Badge, type Tone } from "@/components/admin/shared/badge";
import type { Check, CheckStatus } from "@/lib/admin/setup/types";

const TONE: Record<CheckStatus, Tone> = { ok: "ok", warn: "warn", fail: "bad" };
const LABEL: Record<CheckStatus, string> = { ok: "OK", warn: "Check", fail: "Blocks payments" };

export function SetupChecks({ checks }: { checks: Check[] }) {
  return (
    <ul className="divide-y divide-line" aria-label="Setup checks">
      {checks.map((check) => (
        <li key={check.id} className="flex flex-col gap-1 px-5 py-4 sm:flex-row sm:gap-4">
          <div className="w-40 shrink-0">
            <Badge tone={TONE[check.status]}>{LABEL[check.status]}</Badge>
          </div>
          <div className="space-y-1 text-sm">
            <p className="font-semibold">{check.title}</p>
            <p>{check.detail}</p>
            {check.fix && check.status !== "ok" ? (
              <p className="text-muted">What to do: {check.fix}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
