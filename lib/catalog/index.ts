// The storefront's catalogue reads (server-only) and the shapes they answer.
export { getCollectionBySlug, listCollections } from "./collections";
export { getProductBySlug, listActiveProducts, type ProductLookup } from "./products";
export type { CatalogCollection, CatalogImage, CatalogOption, CatalogProduct, CatalogVariant } from "./types";
