import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every relative link in README.md and docs/*.md leads somewhere: the file or folder exists, and a
 * `#fragment` names a heading of the target page (GitHub's anchors). Links inside code are not links.
 */
const root = resolve(import.meta.dirname, "../..");
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The page's text without fenced code blocks, where `# a` is not a heading. */
const unfenced = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
/** ...and without inline code, where `[a](b)` is not a link. */
const prose = (text: string) => unfenced(text).replace(/`[^`\n]*`/g, "");

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of unfenced(readFileSync(file, "utf8")).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchorOf(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function linksOf(page: string): string[] {
  const text = prose(readFileSync(join(root, page), "utf8"));
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

const external = /^[a-z][a-z0-9+.-]*:/i;

describe("documentation links", () => {
  it("finds the pages", () => {
    expect(pages).toContain("README.md");
    expect(pages.length).toBeGreaterThan(5);
  });

  it("reads GitHub's anchors", () => {
    expect(anchorOf("Deploy to AWS")).toBe("deploy-to-aws");
    expect(anchorOf("`npm start`: what it does")).toBe("npm-start-what-it-does");
    expect(anchorOf("Host header rule (local)")).toBe("host-header-rule-local");
    expect(anchorOf("Demo concerns and `TIME_SCALE`")).toBe("demo-concerns-and-time_scale");
    expect(anchorOf("Concerns: `/api/concerns`")).toBe("concerns-apiconcerns");
  });

  for (const page of pages) {
    it(`${page}: every relative link resolves`, () => {
      const broken: string[] = [];
      for (const link of linksOf(page)) {
        if (external.test(link)) continue;
        const [path = "", fragment] = link.split("#");
        const target = path === "" ? join(root, page) : resolve(dirname(join(root, page)), decodeURI(path));
        if (!existsSync(target)) {
          broken.push(`${link} (no ${relative(root, target)})`);
          continue;
        }
        if (fragment && statSync(target).isFile() && target.endsWith(".md") && !anchorsOf(target).has(decodeURIComponent(fragment).toLowerCase())) {
          broken.push(`${link} (no heading #${fragment} in ${relative(root, target)})`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
