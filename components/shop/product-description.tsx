import { renderMarkdown } from "@/lib/markdown/render-markdown";

/** The product's Markdown description, rendered without raw HTML (lib/markdown). */
export function ProductDescription({ markdown }: { markdown: string }) {
  return (
    <div
      className="product-description max-w-prose text-base leading-relaxed text-pretty text-muted"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
