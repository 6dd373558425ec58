import { describe, expect, it } from "vitest";
import { detectImageType } from "./image-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)),
  );

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const ftyp = (major: string, ...compatible: string[]) =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], "ftyp", major, [0, 0, 0, 0], ...compatible);

describe("detectImageType", () => {
  it("knows PNG, JPEG, WebP and AVIF by their first bytes", () => {
    expect(detectImageType(PNG)).toBe("image/png");
    expect(detectImageType(JPEG)).toBe("image/jpeg");
    expect(detectImageType(WEBP)).toBe("image/webp");
    expect(detectImageType(ftyp("avif", "mif1", "miaf"))).toBe("image/avif");
    expect(detectImageType(ftyp("mif1", "avif", "miaf"))).toBe("image/avif");
    expect(detectImageType(ftyp("avis", "msf1"))).toBe("image/avif");
  });

  it("refuses text, SVG, GIF, HEIC, MP4 and truncated signatures, whatever the file is called", () => {
    expect(detectImageType(bytes("hello, I am a text file renamed .png\n"))).toBeNull();
    expect(detectImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(bytes("GIF89a", [1, 0, 1, 0]))).toBeNull();
    expect(detectImageType(ftyp("heic", "mif1", "heic"))).toBeNull();
    expect(detectImageType(ftyp("isom", "mp41"))).toBeNull();
    expect(detectImageType(PNG.subarray(0, 7))).toBeNull();
    expect(detectImageType(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });

  it("does not read AVIF brands past the ftyp box", () => {
    const box = ftyp("isom", "mp41");
    const next = bytes([0, 0, 0, 12], "avif", "avif");
    expect(detectImageType(new Uint8Array([...box, ...next]))).toBeNull();
  });
});
