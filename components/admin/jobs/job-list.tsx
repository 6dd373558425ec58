// The outbox jobs of an order (or the dead ones of every order): what each did, or why it has not
// yet, with Retry where a person can help. Server component; the Retry form is the client part.
import Link from "next/link";
import { Badge, type Tone } from "@/components/admin/shared/badge";
import { formatDateTime } from "@/components/admin/shared/format";
import { RetryJobForm } from "./retry-job-form";
import type { AdminJob } from "@/lib/admin/jobs/job-queries";
import { orderCode } from "@/lib/order-id";

const KIND_LABELS: Record<string, string> = {
  receipt: "Receipt to the customer",
  "checkout-closed": "Checkout closed notice",
  "merchant-paid": "Paid order notice to you",
  "merchant-review": "Review notice to you",
  fulfilment: "Fulfilment (on-order-paid)",
};

function stateOf(job: AdminJob): { tone: Tone; label: string } {
  if (job.state === "DONE") return { tone: "ok", label: "Done" };
  if (job.state === "DEAD") return { tone: "bad", label: "Dead" };
  if (job.state === "RUNNING") return { tone: "info", label: "Running" };
  return job.attempts > 0 ? { tone: "warn", label: "Retrying" } : { tone: "neutral", label: "Waiting" };
}

export function JobList({ jobs, showOrder = false }: { jobs: AdminJob[]; showOrder?: boolean }) {
  if (jobs.length === 0) return <p className="px-5 py-4 text-sm text-muted">No jobs.</p>;
  return (
    <ul className="divide-y divide-line text-sm">
      {jobs.map((job) => {
        const state = stateOf(job);
        const label = KIND_LABELS[job.kind] ?? job.kind;
        const retryable = job.state === "DEAD" || (job.state === "PENDING" && job.attempts > 0);
        return (
          <li key={job.id} className="space-y-1 px-5 py-3" data-job-key={job.key}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">
                {label}
                {showOrder && job.orderId ? (
                  <>
                    {" · "}
                    <Link href={`/admin/orders/${job.orderId}`} className="underline">
                      Order {orderCode(job.orderId)}
                    </Link>
                  </>
                ) : null}
              </span>
              <Badge tone={state.tone}>{state.label}</Badge>
            </div>
            <p className="text-muted">
              {job.state === "DONE"
                ? `${job.outcome ?? "done"} · ${job.doneAt ? formatDateTime(job.doneAt) : ""}`
                : job.state === "PENDING" && job.attempts > 0
                  ? `${job.attempts} attempt${job.attempts === 1 ? "" : "s"} so far; next at ${formatDateTime(job.runAt)}`
                  : job.state === "DEAD"
                    ? `gave up after ${job.attempts} attempt${job.attempts === 1 ? "" : "s"}, ${formatDateTime(job.updatedAt)}`
                    : `due ${formatDateTime(job.runAt)}`}
            </p>
            {job.lastError && job.state !== "DONE" ? (
              <p className="font-mono text-xs break-all text-red-700">Last error: {job.lastError}</p>
            ) : null}
            {retryable ? <RetryJobForm jobId={job.id} label={label} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
