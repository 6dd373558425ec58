import { storeConfig } from "../../lib/store-config";
import type { LocalQBitFlowOptions } from "../stack/qbitflow";

/** The sandbox as the tests use it: in memory, on a free port, with quick confirmations. */
export const TEST_SANDBOX_OPTIONS: Omit<LocalQBitFlowOptions, "appUrl"> = {
  port: 0,
  stateFile: null,
  confirmationDelayMs: 1_500,
  // The hosted page shows the store's name, as under `npm run dev`.
  organizationName: storeConfig.name,
};
