// A product's options and the variants they make: parsing what the merchant typed
// ("S, M, L"), checking it, and listing one combination per variant. Pure, unit tested.

export const MAX_OPTIONS = 3;
export const MAX_VALUES_PER_OPTION = 30;
export const MAX_VARIANTS = 100;
const MAX_NAME_LENGTH = 40;

export interface OptionInput {
  name: string;
  /** As typed: comma-separated values. */
  values: string;
}

export interface ProductOptionSpec {
  name: string;
  values: string[];
}

export type OptionsParse =
  { ok: true; options: ProductOptionSpec[] } | { ok: false; fieldErrors: Record<string, string[]> };

/** The key of a combination: values in the options' order, case-folded ("m|sand"); "" for none. */
export function optionKeyOf(values: string[]): string {
  return values.map((value) => value.trim().toLowerCase()).join("|");
}

/** "M / Sand": how a variant reads on the store, the cart and the order. */
export function variantTitleOf(values: string[]): string {
  return values.join(" / ");
}

/**
 * Checks the options as typed; rows with neither a name nor values are ignored (the empty rows
 * of the form). Errors are keyed `option.<index>.name` / `option.<index>.values`.
 */
export function parseOptions(rows: OptionInput[]): OptionsParse {
  const fieldErrors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  const options: ProductOptionSpec[] = [];
  const names = new Set<string>();

  rows.forEach((row, index) => {
    const name = row.name.trim();
    const values = row.values
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean);
    if (!name && values.length === 0) return;
    if (!name) fail(`option.${index}.name`, "Name this option (for example Size).");
    else if (name.length > MAX_NAME_LENGTH)
      fail(`option.${index}.name`, "Keep the name under 40 characters.");
    else if (names.has(name.toLowerCase()))
      fail(`option.${index}.name`, `There is already an option "${name}".`);
    names.add(name.toLowerCase());

    if (values.length === 0) {
      fail(`option.${index}.values`, "Give this option at least one value, separated by commas.");
      return;
    }
    const seen = new Set<string>();
    for (const value of values) {
      const key = value.toLowerCase();
      if (seen.has(key)) {
        fail(`option.${index}.values`, `"${value}" is there twice: each combination must be unique.`);
        return;
      }
      seen.add(key);
      if (value.length > MAX_NAME_LENGTH) {
        fail(`option.${index}.values`, `Keep each value under ${MAX_NAME_LENGTH} characters.`);
        return;
      }
      if (value.includes("|")) {
        fail(`option.${index}.values`, 'A value cannot contain "|".');
        return;
      }
    }
    if (values.length > MAX_VALUES_PER_OPTION) {
      fail(`option.${index}.values`, `At most ${MAX_VALUES_PER_OPTION} values per option.`);
    }
    options.push({ name, values });
  });

  if (options.length > MAX_OPTIONS) fail("options", `A product has at most ${MAX_OPTIONS} options.`);
  const combinations = options.reduce((count, option) => count * option.values.length, 1);
  if (combinations > MAX_VARIANTS) {
    fail("options", `These options make ${combinations} variants; the limit is ${MAX_VARIANTS}.`);
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, options };
}

/** Every combination, in the order a customer reads them (S/Sand, S/Forest, M/Sand…); [[]] for none. */
export function combinationsOf(options: ProductOptionSpec[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value])),
    [[]],
  );
}

/** A list of combinations with one repeated, or null: the last check before variants are written. */
export function repeatedCombination(combinations: string[][]): string[] | null {
  const seen = new Set<string>();
  for (const combination of combinations) {
    const key = optionKeyOf(combination);
    if (seen.has(key)) return combination;
    seen.add(key);
  }
  return null;
}
