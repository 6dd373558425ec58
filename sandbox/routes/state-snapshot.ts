/** `GET /sandbox/state`: everything the sandbox holds, for the dashboard and for tests. */
import type { SandboxContext } from "../context";
import { refundApiView } from "../refunds/views";
import { eventDetailView } from "../webhooks/events";

export function snapshot(sandbox: SandboxContext): Record<string, unknown> {
  const { store, config } = sandbox;
  const urlOf = (uuid: string): string => store.state.endpoints.find((e) => e.uuid === uuid)?.url ?? "";
  return {
    config: {
      publicUrl: config.publicUrl,
      timeScale: config.timeScale,
      confirmationDelayMs: config.confirmationDelayMs,
      defaultExpiresInMinutes: config.defaultExpiresInMinutes,
      retryScheduleMs: config.retryScheduleMs,
      deliveryTimeoutMs: config.deliveryTimeoutMs,
      rotationOverlapMs: config.rotationOverlapMs,
    },
    sessions: Object.values(store.state.sessions).reverse(),
    payments: Object.values(store.state.payments)
      .map((p) => p.data)
      .reverse(),
    refunds: Object.values(store.state.refunds)
      .reverse()
      .map((refund) => {
        const payment = store.state.payments[refund.txUuid];
        return { ...refundApiView(refund, payment), reference: payment?.data.reference ?? null };
      }),
    endpoints: store.state.endpoints,
    events: [...store.state.events].reverse().map((e) => ({
      ...eventDetailView(e, urlOf),
      deliveryStates: e.deliveries.map((d) => ({
        endpointUuid: d.endpointUuid,
        state: d.state,
        nextAttemptAt: d.nextAttemptAtMs === null ? null : new Date(d.nextAttemptAtMs).toISOString(),
      })),
    })),
  };
}
