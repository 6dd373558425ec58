// Product and collection descriptions are Markdown typed in the admin and shown on the store.
// markdown-it with `html: false` escapes any raw HTML the text contains (so <script> or an
// onerror attribute is shown as text, never run), and its link check refuses javascript:,
// vbscript:, file: and data: URLs (the link stays as plain text). Every link gets
// rel="nofollow noopener noreferrer"; links to other sites open in a new tab.
// Pure (no server-only): the storefront and the admin's preview use the same function.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const LINK_REL = "nofollow noopener noreferrer";

type RenderRule = NonNullable<ReturnType<typeof MarkdownIt>["renderer"]["rules"]["link_open"]>;

const defaultLinkOpen: RenderRule =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  token.attrSet("rel", LINK_REL);
  if (/^https?:\/\//i.test(String(token.attrGet("href") ?? ""))) token.attrSet("target", "_blank");
  return defaultLinkOpen(tokens, index, options, env, self);
};

// Images in a description would load from any host, around next/image and the allow-list of
// lib/store-config.ts: the product's own images are the place for pictures, so they read as links.
markdown.renderer.rules.image = (tokens, index): string => {
  const token = tokens[index]!;
  const alt = markdown.utils.escapeHtml(String(token.content));
  const src = String(token.attrGet("src") ?? "");
  if (!/^(https?:\/\/|\/)/i.test(src)) return alt; // a data: picture has no page to link to
  const href = markdown.utils.escapeHtml(src);
  return `<a href="${href}" rel="${LINK_REL}" target="_blank">${alt || href}</a>`;
};

/** Markdown → HTML that is safe to put in the page with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
