// The cart as the browser keeps it: variant ids and quantities, nothing else (a product without
// options is bought through its default variant). Prices, names and stock are always read from
// the database, so a cart cookie cannot change what anything costs.
// Pure and browser-safe: the cart page's optimistic updates apply the same rules.
export const MAX_QUANTITY = 10;
export const MAX_LINES = 20;

export interface CartLine {
  variantId: string;
  quantity: number;
}

/** Sets a line's quantity (0 removes it), clamped to 0…MAX_QUANTITY. */
export function setQuantity(lines: CartLine[], variantId: string, quantity: number): CartLine[] {
  const clamped = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const rest = lines.filter((line) => line.variantId !== variantId);
  if (clamped === 0) return rest;
  const index = lines.findIndex((line) => line.variantId === variantId);
  const next = { variantId, quantity: clamped };
  if (index === -1) return rest.length >= MAX_LINES ? rest : [...rest, next];
  return lines.map((line) => (line.variantId === variantId ? next : line));
}

export function addQuantity(lines: CartLine[], variantId: string, quantity: number): CartLine[] {
  const current = lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
  return setQuantity(lines, variantId, current + quantity);
}

export function countItems(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

export function mergeDuplicates(lines: CartLine[]): CartLine[] {
  return lines.reduce<CartLine[]>((merged, line) => addQuantity(merged, line.variantId, line.quantity), []);
}
