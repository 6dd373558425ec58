// Drives the local QBitFlow sandbox (started by the test setup) the way a customer's wallet would.
import { getEnv } from "@/lib/env";

function sandboxUrl(): string {
  return getEnv().QBITFLOW_API_URL.replace(/\/v2$/, "");
}

async function control(path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${sandboxUrl()}/sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const wallet = {
  /** Sends the transaction: the session waits for confirmations. */
  pay: (sessionId: string) => control(`/sessions/${sessionId}/pay`),
  /** Pays and confirms at once (or for `amountUsd`, an over- or under-payment). */
  complete: (sessionId: string, amountUsd?: number) =>
    control(`/sessions/${sessionId}/complete`, {
      skipConfirmation: true,
      ...(amountUsd ? { amountUsd } : {}),
    }),
  fail: (sessionId: string, code: string) => control(`/sessions/${sessionId}/fail`, { code }),
  expire: (sessionId: string) => control(`/sessions/${sessionId}/expire`),
};

/** Makes the sandbox drop the next `count` webhook deliveries to every registered endpoint. */
export async function dropDeliveries(count: number): Promise<void> {
  await setFaults({ dropNext: count });
}

/** Clears every delivery fault again. */
export async function restoreDeliveries(): Promise<void> {
  await setFaults({ clear: true });
}

async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const env = getEnv();
  const response = await fetch(`${env.QBITFLOW_API_URL}/webhooks/endpoints`, {
    headers: { "x-api-key": env.QBITFLOW_API_KEY ?? "" },
  });
  const endpoints = (await response.json()) as { uuid: string }[];
  for (const endpoint of endpoints) await control(`/endpoints/${endpoint.uuid}/faults`, faults);
}
