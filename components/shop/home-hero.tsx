import Image from "next/image";
import { Container } from "@/components/ui/container";
import { storeConfig } from "@/lib/store-config";

// Tile positions for the decorative collage on wide screens; one entry per image shown.
const tiles = [
  "left-0 top-10 w-52 -rotate-6",
  "left-40 top-0 w-60 rotate-3 z-10",
  "left-16 top-56 w-48 rotate-2",
] as const;

/** The home page's headline block. `images` are product pictures for the collage (first three). */
export function HomeHero({ images }: { images: string[] }) {
  return (
    <section
      aria-labelledby="hero-title"
      className="border-b border-line bg-linear-to-b from-brand-soft to-canvas"
    >
      <Container className="grid items-center gap-10 py-14 sm:py-20 lg:grid-cols-[1fr_26rem]">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand uppercase">Made in small batches</p>
          <h1
            id="hero-title"
            className="mt-3 max-w-2xl font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl"
          >
            {storeConfig.tagline}
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-relaxed text-pretty text-muted">{storeConfig.intro}</p>
          <div aria-hidden="true" className="mt-8 h-1 w-16 rounded-full bg-accent" />
        </div>

        {/* Pure decoration (the same products are listed below), so hidden from assistive tech. */}
        <div aria-hidden="true" className="relative hidden h-96 lg:block">
          {tiles.slice(0, images.length).map((position, index) => (
            <div
              key={position}
              className={`absolute aspect-square overflow-hidden rounded-3xl border-4 border-surface shadow-lg ${position}`}
            >
              <Image src={images[index] ?? ""} alt="" fill unoptimized loading="eager" sizes="240px" />
            </div>
          ))}
        </div>
      </Container>
    </section>
  );
}
