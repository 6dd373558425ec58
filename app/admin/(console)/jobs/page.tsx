// Dead outbox jobs across orders: emails and fulfilment calls that gave up. Fix the cause (SMTP
// settings, the fulfilment endpoint), then Retry each.
import type { Metadata } from "next";
import { Card } from "@/components/admin/shared/card";
import { JobList } from "@/components/admin/jobs/job-list";
import { getDeadJobs } from "@/lib/admin/jobs/job-queries";
import { requireAdmin } from "@/lib/admin/session/session";

export const metadata: Metadata = { title: "Dead jobs" };

export default async function DeadJobsPage() {
  await requireAdmin();
  const jobs = await getDeadJobs();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Dead jobs</h1>
        <p className="text-sm text-muted">
          Follow-up work that failed every attempt: receipts, notices, the fulfilment call. The order itself
          is safe; only this follow-up is missing. Fix the cause shown, then Retry.
        </p>
      </div>
      <Card title={`${jobs.length} dead`} flush>
        <JobList jobs={jobs} showOrder />
      </Card>
    </div>
  );
}
