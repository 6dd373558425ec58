// A product's or collection's address on the store, derived from its name: lowercase ASCII
// letters, digits and single hyphens ("Harbor Field Journal" → "harbor-field-journal"). Pure.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** "Crème brûlée & Co." → "creme-brulee-and-co"; "" when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // the accents NFKD split off the letters
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "") // "Maker's" → "makers", not "maker-s"
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}
