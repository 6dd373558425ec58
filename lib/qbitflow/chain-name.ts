// Chains as people say them. QBitFlow names a payment's chain by its short code ("ETH", "BASE",
// "SOL"); some reads spell it out ("ethereum"). A chain added later is shown as sent.

const NAMES: Record<string, string> = {
  eth: "Ethereum",
  ethereum: "Ethereum",
  base: "Base",
  sol: "Solana",
  solana: "Solana",
};

export function chainName(chain: string): string {
  return NAMES[chain.trim().toLowerCase()] ?? chain;
}
