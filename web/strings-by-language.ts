import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import type { Plugin } from "vite";

/** The area modules: each registers tables of English-Spanish pairs, `register(tableA, tableB)`. */
const areaFile = /[\\/]web[\\/]src[\\/]strings[\\/][\w-]+\.ts$/;
const languages = { en: 0, es: 1 } as const;

type Pair = readonly [string, string];

/** The tables an area module registers, evaluated in Node: its imports (all but ../i18n) and its register() call's arguments. */
async function tablesOf(file: string): Promise<Array<Record<string, Pair>>> {
  const source = readFileSync(file, "utf8");
  const scope = new Map<string, unknown>();
  for (const [, names = "", specifier = ""] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)";/g)) {
    if (specifier === "../i18n") continue;
    const module = (await tsImport(specifier, pathToFileURL(file).href)) as Record<string, unknown>;
    for (const name of names.split(",").map((part) => part.trim().replace(/^type\s+/, ""))) {
      if (!name) continue;
      const [imported = name, local = imported] = name.split(/\s+as\s+/);
      scope.set(local, module[imported]);
    }
  }
  const call = /\bregister\(([\s\S]*?)\);/.exec(source);
  if (!call) throw new Error(`${file}: an area module registers its tables with register(...)`);
  return new Function(...scope.keys(), `return [${call[1]}];`)(...scope.values());
}

/**
 * Each area of words (web/src/strings/*.ts) as two chunks, one per language: a reader downloads the words of
 * the language they read, and the other language's only when they switch. The area module is built as a
 * loader (i18n.ts `registerArea`), and `<area>.ts?lang=es` as that area's Spanish words alone, computed
 * here from the same tables the source registers (pairs, English then Spanish, as core's catalogs keep
 * them). `vite dev` is not used by the project; without this plugin the area modules register both
 * languages, as their source says.
 */
export const stringsByLanguage = (): Plugin => {
  const tables = new Map<string, Promise<Array<Record<string, Pair>>>>();
  return {
    name: "fidelio-strings-by-language",
    apply: "build",
    enforce: "pre",
    async load(id) {
      const [file = "", query] = id.split("?");
      if (!areaFile.test(file)) return;
      const lang = /^lang=(en|es)$/.exec(query ?? "")?.[1] as keyof typeof languages | undefined;
      if (!lang) {
        const load = (l: string) => `import(${JSON.stringify(`${file}?lang=${l}`)})`;
        return `import { registerArea } from "../i18n";\nawait registerArea((lang) => (lang === "es" ? ${load("es")} : ${load("en")}));\n`;
      }
      if (!tables.has(file)) tables.set(file, tablesOf(file));
      const words: Record<string, string> = {};
      for (const table of await tables.get(file)!) for (const [key, pair] of Object.entries(table)) words[key] = pair[languages[lang]];
      return `export default ${JSON.stringify(words)};\n`;
    },
  };
};
