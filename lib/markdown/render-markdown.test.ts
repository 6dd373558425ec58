import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown a description uses", () => {
    const html = renderMarkdown("**Bold** and _soft_\n\n- one\n- two");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toContain("<li>one</li>");
  });

  it("shows script tags as text instead of running them", () => {
    const html = renderMarkdown('Hi <script>alert("x")</script>');
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("escapes raw HTML, attributes and all", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)">\n\n<div style="color:red">x</div>');
    expect(html).not.toMatch(/<img|<div/);
    expect(html).toContain("&lt;img");
  });

  it("refuses javascript:, vbscript: and data: links", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "vbscript:x",
      "data:text/html,<b>x</b>",
    ]) {
      const html = renderMarkdown(`[click](${href})`);
      expect(html, href).not.toContain("<a");
    }
  });

  it("gives every link rel=nofollow noopener noreferrer, and a new tab when it leaves the site", () => {
    const external = renderMarkdown("[maker](https://example.com/about)");
    expect(external).toContain('href="https://example.com/about"');
    expect(external).toContain('rel="nofollow noopener noreferrer"');
    expect(external).toContain('target="_blank"');
    const internal = renderMarkdown("[shipping](/shipping)");
    expect(internal).toContain('rel="nofollow noopener noreferrer"');
    expect(internal).not.toContain("target=");
    expect(renderMarkdown("see https://example.com")).toContain('rel="nofollow noopener noreferrer"');
  });

  it("turns an image into a link, so a description loads nothing from other hosts", () => {
    const html = renderMarkdown("![a cat](https://example.com/cat.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://example.com/cat.png" rel="nofollow noopener noreferrer"');
    expect(renderMarkdown('![x" onload="y](https://e.com/a.png)')).not.toContain('" onload="');
  });
});
