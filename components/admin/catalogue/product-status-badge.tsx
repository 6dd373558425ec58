import { Badge, type Tone } from "@/components/admin/shared/badge";
import type { ProductStatus } from "@/lib/generated/prisma/enums";

const STATUS: Record<ProductStatus, { tone: Tone; label: string }> = {
  ACTIVE: { tone: "ok", label: "Active" },
  DRAFT: { tone: "info", label: "Draft" },
  ARCHIVED: { tone: "neutral", label: "Archived" },
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
