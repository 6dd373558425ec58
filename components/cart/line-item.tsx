// One line of a cart or an order: picture, name · variant, price, and whatever the place adds
// below the name (quantity, unit price, the cart's controls). No hooks and no "use client", so
// the server-rendered receipt and the client cart and drawer all draw the same line.
import Image from "next/image";
import Link from "next/link";
import type { ReactNode } from "react";
import { Price } from "@/components/ui/price";

/** What every line shows, whichever record it comes from (cart line, order item). */
export interface LineItemFields {
  name: string;
  variantTitle: string | null;
  imageSrc: string | null;
}

// Literal class names per size, so Tailwind finds them in the source.
const SIZES = {
  /** The order's receipt: a compact row, quantity in the title. */
  small: {
    item: "items-center gap-4 py-2",
    picture: { pixels: 48, className: "size-12 rounded-lg" },
    placeholder: false,
    body: "",
    title: "",
    price: "",
  },
  /** The cart drawer. */
  medium: {
    item: "gap-3 py-3",
    picture: { pixels: 56, className: "size-14 rounded-lg" },
    placeholder: false,
    body: "text-sm",
    title: "font-medium",
    price: "text-sm font-semibold",
  },
  /** The cart page: a box holds the place of a missing picture, room for the controls. */
  large: {
    item: "gap-4 p-4 sm:p-5",
    picture: { pixels: 80, className: "size-20 rounded-xl" },
    placeholder: true,
    body: "gap-2",
    title: "font-medium",
    price: "font-semibold",
  },
} as const;

interface LineItemProps {
  line: LineItemFields;
  totalCents: number;
  size: keyof typeof SIZES;
  /** Before the name, e.g. "2 × " on the receipt. */
  prefix?: string;
  /** Makes the name a link (the cart page links back to the product). */
  href?: string;
  /** Rows under the name: quantity, unit price, controls. */
  children?: ReactNode;
}

export function LineItem({ line, totalCents, size, prefix, href, children }: LineItemProps) {
  const style = SIZES[size];
  const picture = `${style.picture.className} shrink-0 border border-line bg-brand-soft`;
  const title = (
    <>
      {prefix}
      {line.name}
      {line.variantTitle ? <span className="font-normal text-muted"> · {line.variantTitle}</span> : null}
    </>
  );
  const titleClasses = `min-w-0 break-words ${style.title}`.trim();
  return (
    <li className={`flex min-w-0 ${style.item}`}>
      {line.imageSrc ? (
        <Image
          src={line.imageSrc}
          alt=""
          width={style.picture.pixels}
          height={style.picture.pixels}
          unoptimized
          className={`${picture} object-cover`}
        />
      ) : style.placeholder ? (
        <div aria-hidden="true" className={picture} />
      ) : null}
      <div className={`flex min-w-0 flex-1 flex-col ${style.body}`.trim()}>
        <div className="flex min-w-0 justify-between gap-4">
          {href ? (
            <Link href={href} className={`${titleClasses} hover:underline`}>
              {title}
            </Link>
          ) : (
            <span className={titleClasses}>{title}</span>
          )}
          <Price cents={totalCents} className={`shrink-0 ${style.price}`.trim()} />
        </div>
        {children}
      </div>
    </li>
  );
}
