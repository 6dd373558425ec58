/**
 * `/v2` refund routes (spec §6, §8.1, §12): initiate (one of the 7 idempotent creates) and the
 * two lists, pending (`/all`) and answered (`/all/inactive`), as cursor pages like every v2 list.
 */
import { z } from "zod";
import type { SandboxContext } from "../context";
import { validationFailed } from "../http/errors";
import { apiRoute } from "../http/handlers";
import type { Router } from "../http/router";
import { validateRefundInput } from "../refunds/refund-input";
import { refundApiView } from "../refunds/views";

// Sandbox-defined page sizes (the spec gives none for refunds): like the event log's.
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

export function registerRefundRoutes(router: Router, sandbox: SandboxContext): void {
  const { refunds, store } = sandbox;
  const view = (uuid: string) => {
    const refund = refunds.get(uuid);
    return refundApiView(refund, store.state.payments[refund.txUuid]);
  };

  router.add(
    "POST",
    "/v2/transaction/refunds/initiate",
    apiRoute(
      sandbox,
      ({ body, mode }) => {
        const refund = refunds.initiate(validateRefundInput(body), mode);
        return { status: 201, body: view(refund.uuid) };
      },
      { idempotent: true },
    ),
  );

  const list = (active: boolean) =>
    apiRoute(sandbox, ({ route, mode }) => {
      const { limit, cursor } = parseQuery(route.query);
      return { status: 200, body: page(refunds.list(mode, active), limit, cursor, view) };
    });
  router.add("GET", "/v2/transaction/refunds/all", list(true));
  router.add("GET", "/v2/transaction/refunds/all/inactive", list(false));
}

function parseQuery(query: URLSearchParams): z.output<typeof pageQuery> {
  const result = pageQuery.safeParse(Object.fromEntries(query));
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "query", message: i.message })),
  );
}

/** `{items, nextCursor}`; the cursor is the last item's uuid, `null` on the last page. */
function page<T extends { uuid: string }>(
  newestFirst: T[],
  limit: number,
  cursor: string | undefined,
  view: (uuid: string) => unknown,
): { items: unknown[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    start = newestFirst.findIndex((item) => item.uuid === cursor) + 1;
    if (start === 0) throw validationFailed([{ field: "cursor", message: "unknown cursor" }]);
  }
  const items = newestFirst.slice(start, start + limit);
  const more = start + limit < newestFirst.length;
  return {
    items: items.map((item) => view(item.uuid)),
    nextCursor: more ? (items.at(-1)?.uuid ?? null) : null,
  };
}
