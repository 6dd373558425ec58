// Every relative link in the README and docs/ must lead somewhere: to a file that exists and, for
// `page.md#heading`, to a heading of that page (GitHub's anchor rules). Pages move and get renamed;
// this keeps the documentation's links true without a network or a database.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const pages = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

const withoutFencedCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, "");

/** GitHub's anchor for a heading: lowercase, punctuation dropped, each space a hyphen. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsIn(file: string): Set<string> {
  const headings = withoutFencedCode(readFileSync(file, "utf8")).matchAll(/^#{1,6}\s+(.+)$/gm);
  return new Set([...headings].map(([, text]) => anchorOf(text!)));
}

function brokenLinks(page: string): string[] {
  const file = path.join(root, page);
  const targets = withoutFencedCode(readFileSync(file, "utf8")).matchAll(/\]\(([^)\s]+)\)/g);
  const broken: string[] = [];
  for (const [, target] of targets) {
    if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
    const [pathPart, anchor] = target!.split("#", 2);
    const resolved = pathPart ? path.resolve(path.dirname(file), pathPart) : file;
    if (!existsSync(resolved)) broken.push(`${target}: no such file`);
    else if (anchor && resolved.endsWith(".md") && !anchorsIn(resolved).has(anchor)) {
      broken.push(`${target}: no such heading`);
    }
  }
  return broken;
}

describe("documentation links", () => {
  it("turns headings into GitHub's anchors", () => {
    expect(anchorOf("The live protocol (`/api/live`)")).toBe("the-live-protocol-apilive");
    expect(anchorOf("3. Live status in the browser")).toBe("3-live-status-in-the-browser");
  });

  it.each(pages)("every relative link in %s resolves", (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });
});
