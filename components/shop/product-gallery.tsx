"use client";
// The product's pictures: one large, thumbnails below to pick another. Arrow keys (on the picture
// or a thumbnail) and a horizontal swipe move between them. Without JavaScript the first picture
// shows and the thumbnails do nothing. Images are served as they are (`unoptimized`): the demo's
// are SVGs, and uploads come from our own content-addressed route with their own cache headers.
import Image from "next/image";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { CatalogImage } from "@/lib/catalog";

const SWIPE_PX = 40;

export function ProductGallery({
  images,
  name,
  dimmed,
}: {
  images: CatalogImage[];
  name: string;
  dimmed: boolean;
}) {
  const [index, setIndex] = useState(0);
  const swipeStart = useRef<number | null>(null);
  const current = images[index];
  const many = images.length > 1;
  const go = (step: number) => setIndex((i) => (i + step + images.length) % images.length);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!many) return;
    if (event.key === "ArrowRight") go(1);
    else if (event.key === "ArrowLeft") go(-1);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent) => {
    swipeStart.current = event.clientX;
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (start === null || !many) return;
    const distance = event.clientX - start;
    if (Math.abs(distance) >= SWIPE_PX) go(distance < 0 ? 1 : -1);
  };

  return (
    <div className="min-w-0 space-y-3">
      <div
        role={many ? "group" : undefined}
        aria-roledescription={many ? "gallery" : undefined}
        aria-label={many ? `${name}: picture ${index + 1} of ${images.length}` : undefined}
        tabIndex={many ? 0 : undefined}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        className="relative aspect-square touch-pan-y overflow-hidden rounded-3xl border border-line bg-brand-soft"
      >
        {current ? (
          <Image
            key={current.src}
            src={current.src}
            alt={current.alt || name}
            fill
            unoptimized
            preload={index === 0}
            draggable={false}
            sizes="(min-width: 768px) 50vw, 100vw"
            className={`object-cover select-none ${dimmed ? "opacity-60 grayscale" : ""}`}
          />
        ) : null}
      </div>
      {many ? (
        <ul className="flex gap-2 overflow-x-auto p-1" aria-label="Pictures">
          {images.map((image, i) => (
            <li key={image.src} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                onKeyDown={onKeyDown}
                aria-current={i === index ? "true" : undefined}
                aria-label={`Show picture ${i + 1}: ${image.alt || name}`}
                className={`relative block size-16 overflow-hidden rounded-xl border-2 bg-brand-soft ${
                  i === index ? "border-brand" : "border-line hover:border-brand"
                }`}
              >
                <Image src={image.src} alt="" fill unoptimized sizes="64px" className="object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
