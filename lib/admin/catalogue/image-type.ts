// What kind of image a file is, read from its first bytes: the name and the browser's content
// type are the uploader's word, the bytes are not. Pure, so it is unit tested on byte strings.

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/avif"] as const;
export type ImageContentType = (typeof IMAGE_TYPES)[number];

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** The brands of an ISO-BMFF file's leading `ftyp` box (AVIF, HEIC and MP4 all start this way). */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== "ftyp") return [];
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(boxSize, bytes.length);
  const brands = [ascii(bytes, 8, 4)]; // the major brand; then a minor version, then the list
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, 4));
  return brands;
}

/** The image type the bytes really are, or null for anything else (text, SVG, GIF, HEIC, PDF…). */
export function detectImageType(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return "image/webp";
  }
  const brands = ftypBrands(bytes);
  if (brands.includes("avif") || brands.includes("avis")) return "image/avif";
  return null;
}

/** A sha256 hex digest, the key an uploaded image is stored and served under. */
export const IMAGE_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** The path the image route serves a stored image at. */
export const imageUrl = (hash: string) => `/images/${hash}`;
