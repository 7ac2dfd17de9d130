import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { describeNeed, entryFile, pageName, readStringGraph, short, type StringGraph } from "./web-string-graph";

/**
 * Each page downloads only the string tables its modules register (web/src/strings, i18n.ts). A key
 * shown by a module of the page's chunks but registered by none of them reaches the reader raw
 * ("raiseConcern" on the screen): for every page, the keys its static import graph (plus the entry's)
 * shows must be registered in that same graph.
 */

const webSrc = join(import.meta.dirname, "../../web/src");
let graph: StringGraph;
beforeAll(async () => {
  graph = await readStringGraph();
}, 60_000);

describe("web string tables", () => {
  test("every page, the entry included, registers every key its modules show", () => {
    const pages = graph.pages.map(pageName);
    // The walk finds the entry, every lazy route of main.tsx and the sections pages load later.
    expect(pages).toContain("the entry (main.tsx)");
    for (const page of [
      "pages/home.tsx",
      "pages/student.tsx",
      "pages/student-fidelity.tsx",
      "pages/concern-new.tsx",
      "pages/concern.tsx",
      "pages/sign-in.tsx",
      "pages/escalations.tsx",
    ])
      expect(pages).toContain(page);
    const missing = graph.pages.flatMap((page) => graph.missing(page).map((need) => `${pageName(page)}: ${describeNeed(need)}`));
    expect(missing).toEqual([]);
  });

  test("it fails when a registration is removed", () => {
    const concern = graph.pages.find((page) => short(page.file) === "pages/concern.tsx")!;
    const withoutConcernWords = graph.missing(concern, join(webSrc, "strings/concern-page.ts"));
    expect(withoutConcernWords.map((need) => need.key)).toContain("concernTitle");
    const entry = graph.pages.find((page) => page.file === entryFile)!;
    expect(graph.missing(entry, join(webSrc, "i18n.ts")).map((need) => need.key)).toContain("skipToContent");
  });

  test("a parent's pages load no staff, administrator or roster words, and no email or packet text", () => {
    const parentPages = [
      "pages/home.tsx",
      "pages/student.tsx",
      "pages/student-fidelity.tsx",
      "pages/concern-new.tsx",
      "pages/concern.tsx",
      "pages/concerns.tsx",
      "pages/audit.tsx",
      "pages/not-found.tsx",
      "pages/sign-in.tsx",
    ];
    for (const name of parentPages) {
      const page = graph.pages.find((p) => short(p.file) === name)!;
      const tables = [...graph.tables(page)];
      expect(
        tables.filter((table) => /staffStrings|roster|emailTexts|packetTexts/.test(table)),
        name,
      ).toEqual([]);
    }
  });

  test("no page loads the catalog's index, which holds every email and packet text: the web imports its sections alone", () => {
    for (const page of graph.pages)
      expect(
        [...page.modules].filter((file) => file.includes("packages/core/src/messages/index")),
        pageName(page),
      ).toEqual([]);
  });
});
