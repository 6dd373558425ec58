// Availability wording, kept apart from the badge markup so it can be unit-tested and reused
// (the cart will need the same words).
import { storeConfig } from "../../lib/store-config";

export type StockLevel = "in-stock" | "low" | "sold-out";

export interface StockStatus {
  level: StockLevel;
  label: string;
}

export function stockStatus(
  available: number,
  lowStockThreshold: number = storeConfig.lowStockThreshold,
): StockStatus {
  if (available <= 0) return { level: "sold-out", label: "Sold out" };
  if (available <= lowStockThreshold) return { level: "low", label: `Only ${available} left` };
  return { level: "in-stock", label: "In stock" };
}
