/**
 * The sandbox's currency catalog and fake chain data. Ids 3 and 8 match the spec's fixtures
 * (Base and Base USDC); the rest and the USD prices are sandbox-defined.
 */
import { randomBytes } from "node:crypto";
import type { Mode } from "../types";

export type Chain = "ETH" | "BASE" | "SOL";

export interface CurrencyDef {
  id: number;
  name: string;
  symbol: string;
  decimals: number;
  address: string;
  chain: Chain;
  mainCurrencyId: number | null;
  /** Sandbox price used to convert USD to token units. */
  priceUsd: number;
  /** Sandbox network fee the customer pays on top, in USD. */
  networkFeeUsd: number;
  label: string;
}

export const CURRENCIES: readonly CurrencyDef[] = [
  {
    id: 8,
    name: "USD Coin",
    symbol: "USDC",
    decimals: 6,
    address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
    chain: "BASE",
    mainCurrencyId: 3,
    priceUsd: 1,
    networkFeeUsd: 0.0042,
    label: "USDC on Base",
  },
  {
    id: 3,
    name: "Base",
    symbol: "BASE",
    decimals: 18,
    address: "",
    chain: "BASE",
    mainCurrencyId: null,
    priceUsd: 3000,
    networkFeeUsd: 0.0031,
    label: "ETH on Base",
  },
  {
    id: 1,
    name: "Ethereum",
    symbol: "ETH",
    decimals: 18,
    address: "",
    chain: "ETH",
    mainCurrencyId: null,
    priceUsd: 3000,
    networkFeeUsd: 0.42,
    label: "ETH on Ethereum",
  },
  {
    id: 2,
    name: "USD Coin",
    symbol: "USDC",
    decimals: 6,
    address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    chain: "ETH",
    mainCurrencyId: 1,
    priceUsd: 1,
    networkFeeUsd: 0.61,
    label: "USDC on Ethereum",
  },
  {
    id: 5,
    name: "Solana",
    symbol: "SOL",
    decimals: 9,
    address: "",
    chain: "SOL",
    mainCurrencyId: null,
    priceUsd: 150,
    networkFeeUsd: 0.0008,
    label: "SOL on Solana",
  },
  {
    id: 9,
    name: "USD Coin",
    symbol: "USDC",
    decimals: 6,
    address: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
    chain: "SOL",
    mainCurrencyId: 5,
    priceUsd: 1,
    networkFeeUsd: 0.0009,
    label: "USDC on Solana",
  },
];

export const DEFAULT_CURRENCY_ID = 8;

export function findCurrency(id: number): CurrencyDef | undefined {
  return CURRENCIES.find((c) => c.id === id);
}

/** The Currency object of the API (`{id, name, symbol, decimals, address, mainCurrencyId?, mainCurrency, test}`). */
export function currencyView(currency: CurrencyDef, mode: Mode): Record<string, unknown> {
  const main = currency.mainCurrencyId === null ? undefined : findCurrency(currency.mainCurrencyId);
  return {
    address: currency.address,
    decimals: currency.decimals,
    id: currency.id,
    ...(main ? { mainCurrency: currencyView(main, mode), mainCurrencyId: main.id } : { mainCurrency: null }),
    name: currency.name,
    symbol: currency.symbol,
    test: mode === "test",
  };
}

/** USD → token minor units, in integer arithmetic so 18-decimal tokens stay exact. */
export function usdToMinUnits(usd: number, currency: CurrencyDef): string {
  const micros = BigInt(Math.round(usd * 1e6));
  const priceMicros = BigInt(Math.round(currency.priceUsd * 1e6));
  return ((micros * 10n ** BigInt(currency.decimals)) / priceMicros).toString();
}

export function formatTokenAmount(usd: number, currency: CurrencyDef): string {
  const digits = currency.priceUsd >= 100 ? 6 : 2;
  return `${(usd / currency.priceUsd).toFixed(digits)} ${currency.symbol}`;
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  while (n > 0n) {
    out = (BASE58[Number(n % 58n)] as string) + out;
    n /= 58n;
  }
  return out;
}

export function fakeTxHash(chain: Chain): string {
  return chain === "SOL" ? base58(randomBytes(64)) : `0x${randomBytes(32).toString("hex")}`;
}

export function fakeAddress(chain: Chain): string {
  return chain === "SOL" ? base58(randomBytes(32)) : `0x${randomBytes(20).toString("hex")}`;
}

/** Test mode runs on testnets (spec §6), so explorer links point at them. */
export function explorerUrl(chain: Chain, txHash: string, mode: Mode): string {
  const test = mode === "test";
  switch (chain) {
    case "ETH":
      return `https://${test ? "sepolia." : ""}etherscan.io/tx/${txHash}`;
    case "BASE":
      return `https://${test ? "sepolia." : ""}basescan.org/tx/${txHash}`;
    case "SOL":
      return `https://explorer.solana.com/tx/${txHash}${test ? "?cluster=devnet" : ""}`;
  }
}
