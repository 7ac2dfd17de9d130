import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/**
 * The web app's chunks as the bundler builds them, for the strings test: each page module (a dynamic
 * import) with the static import graph it loads, plus its importer's; the keys the modules of that
 * graph show, and the tables they register (`register(...)` in web/src/strings and i18n.ts). Read from
 * the source text alone (a type-checked program of the web takes minutes on this machine).
 *
 * A module shows a key when it passes it to t() (a literal, a template's known start, either branch of a
 * condition), marks it `as StringKey`, asks a helper that reads keys by prefix (tCode("role", ...) needs
 * "role.*", tError "error.*"), or holds the key as a literal in a module that passes keys around
 * (one that imports the `StringKey` type, like a `title: StringKey` prop).
 */

const root = join(import.meta.dirname, "../..");
const webSrc = join(root, "web/src");
const coreSrc = join(root, "packages/core/src");
const i18nFile = join(webSrc, "i18n.ts");
const apiFile = join(webSrc, "api.ts");
// The modules a page bundles: the web's own and the core modules they import (valibot and the like are left out).
const bundled = (file: string | undefined): file is string => !!file && (file.startsWith(webSrc) || file.startsWith(coreSrc));
export const entryFile = join(webSrc, "main.tsx");
export const short = (file: string) => relative(webSrc, file);

/** A key a module shows: exactly `key`, or (`prefix`) some key starting with it when only its start is known. */
export interface Need {
  key: string;
  prefix: boolean;
  file: string;
}

/** A `register(...)` argument: a table exported by `from` (or declared in the module itself), its keys prefixed when wrapped in `prefixed("p", table)`. */
interface TableRef {
  from: string;
  name: string;
  prefix: string;
}

interface ModuleFacts {
  imports: string[];
  dynamicImports: string[];
  needs: Need[];
  registers: TableRef[];
}

export interface Page {
  /** The module a dynamic import loads, or the entry itself. */
  file: string;
  /** Every module loaded once this page shows: its static graph plus its importer's. */
  modules: Set<string>;
}

const keyHelpers: Record<string, string> = { tProblem: "problem.", tError: "error.", tCoded: "note.", tRosterProblem: "rosterProblem." };

function resolveImport(from: string, specifier: string): string | undefined {
  const core = "@fidelio/core/";
  if (!specifier.startsWith(".") && !specifier.startsWith(core)) return undefined;
  if (/\.(css|svg|png|md)(\?.*)?$/.test(specifier)) return undefined;
  const base = specifier.startsWith(core) ? join(coreSrc, specifier.slice(core.length)) : join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  throw new Error(`${short(from)}: cannot resolve ${specifier}`);
}

/** Unwraps parentheses and type assertions; `as StringKey` marks what it wraps as a key. */
function unwrap(node: ts.Expression): { node: ts.Expression; asKey: boolean } {
  let asKey = false;
  for (;;) {
    if (ts.isParenthesizedExpression(node)) node = node.expression;
    else if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      asKey ||= node.type.getText() === "StringKey";
      node = node.expression;
    } else return { node, asKey };
  }
}

/** What keys an expression given to t() can be: literals exactly, a template by its start; undefined when unknown. */
function keysOf(node: ts.Expression, file: string): Need[] | undefined {
  const inner = unwrap(node).node;
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return [{ key: inner.text, prefix: false, file }];
  if (ts.isTemplateExpression(inner)) return inner.head.text ? [{ key: inner.head.text, prefix: true, file }] : undefined;
  if (ts.isConditionalExpression(inner)) {
    const both = [keysOf(inner.whenTrue, file), keysOf(inner.whenFalse, file)];
    return both.every(Boolean) ? (both.flat() as Need[]) : undefined;
  }
  return undefined;
}

function readModule(file: string, allKeys: Set<string>): ModuleFacts {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: ModuleFacts = { imports: [], dynamicImports: [], needs: [], registers: [] };
  // Local names of the i18n helpers, and where each imported name comes from.
  const helpers = new Map<string, string>();
  const origins = new Map<string, { from: string; name: string }>();
  let passesKeys = false;

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolveImport(file, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      for (const element of named) {
        const imported = (element.propertyName ?? element.name).text;
        if (imported === "StringKey") passesKeys = true;
        if (!target) continue;
        if (target === i18nFile && !element.isTypeOnly && !clause?.isTypeOnly) helpers.set(element.name.text, imported);
        origins.set(element.name.text, { from: target, name: imported });
      }
      // Imports of types only are erased: they load nothing.
      const typesOnly = clause && (clause.isTypeOnly || (!clause.name && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (bundled(target) && !typesOnly) found.imports.push(target);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      const target = resolveImport(file, statement.moduleSpecifier.text);
      if (bundled(target)) found.imports.push(target);
    }
  }
  if (file === i18nFile) for (const name of ["t", "register"]) helpers.set(name, name);

  const tableRef = (arg: ts.Expression): TableRef => {
    if (ts.isIdentifier(arg)) return { ...(origins.get(arg.text) ?? { from: file, name: arg.text }), prefix: "" };
    if (ts.isCallExpression(arg) && ts.isIdentifier(arg.expression) && origins.get(arg.expression.text)?.name === "prefixed") {
      const [prefix, table] = arg.arguments;
      if (prefix && ts.isStringLiteral(prefix) && table && ts.isIdentifier(table)) return { ...tableRef(table), prefix: `${prefix.text}.` };
    }
    throw new Error(`${short(file)}: register() takes tables by name (or prefixed("p", table)); cannot read ${arg.getText(source)}`);
  };

  // A string the module also names as a literal type is one of its values ("held", "saved"), not a key.
  const valueTypes = new Set<string>();
  const collectTypes = (node: ts.Node) => {
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) valueTypes.add(node.literal.text);
    ts.forEachChild(node, collectTypes);
  };
  collectTypes(source);
  const holdsKey = (node: ts.StringLiteral) => {
    const parent = node.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isCaseClause(parent) || ts.isLiteralTypeNode(parent)) return false;
    if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
    if (
      ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)
    )
      return false;
    // tCode's first argument is a prefix, not a key.
    return !(ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && helpers.get(parent.expression.text) === "tCode");
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [specifier] = node.arguments;
        const target = specifier && ts.isStringLiteral(specifier) ? resolveImport(file, specifier.text) : undefined;
        if (bundled(target)) found.dynamicImports.push(target);
      }
      const helper = ts.isIdentifier(node.expression) ? helpers.get(node.expression.text) : undefined;
      const [first] = node.arguments;
      if (helper === "register") found.registers.push(...node.arguments.map(tableRef));
      else if (helper === "t" && first) found.needs.push(...(keysOf(first, file) ?? []));
      // A counted phrase is registered as `<key>.one` and `<key>.other` (i18n-plurals.ts).
      else if (helper === "tn" && first)
        found.needs.push(...(keysOf(first, file) ?? []).map((need) => (need.prefix ? need : { ...need, key: `${need.key}.one` })));
      else if (helper === "tCode" && first && ts.isStringLiteral(first)) found.needs.push({ key: `${first.text}.`, prefix: true, file });
      else if (helper && keyHelpers[helper]) found.needs.push({ key: keyHelpers[helper], prefix: true, file });
    }
    if ((ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) && node.type.getText(source) === "StringKey")
      found.needs.push(...(keysOf(node.expression, file) ?? []));
    // A module that passes keys around may hold one anywhere: a prop, a returned value, a setter's argument.
    if (passesKeys && ts.isStringLiteral(node) && allKeys.has(node.text) && !valueTypes.has(node.text) && holdsKey(node))
      found.needs.push({ key: node.text, prefix: false, file });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The keys of every table a module can register: imported ones read from their module, i18n.ts's own from its source. */
async function tableKeys(ref: TableRef): Promise<string[]> {
  if (ref.from === i18nFile) {
    const source = ts.createSourceFile(i18nFile, readFileSync(i18nFile, "utf8"), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements)
      if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || declaration.name.text !== ref.name || !declaration.initializer) continue;
          const literal = unwrap(declaration.initializer).node;
          if (!ts.isObjectLiteralExpression(literal)) break;
          return literal.properties.map((p) => ref.prefix + (p.name as ts.Identifier | ts.StringLiteral).text);
        }
    throw new Error(`i18n.ts: no table ${ref.name} written as an object literal`);
  }
  const table = (await import(ref.from))[ref.name] as Record<string, unknown> | undefined;
  if (!table) throw new Error(`${short(ref.from)} exports no ${ref.name}`);
  return Object.keys(table).map((key) => ref.prefix + key);
}

export interface StringGraph {
  pages: Page[];
  /** Needs of `page` that no module of its graph registers; `skipRegistrationsIn` leaves one module's registrations out. */
  missing(page: Page, skipRegistrationsIn?: string): Need[];
  /** The tables `page` loads, as "module:name". */
  tables(page: Page): Set<string>;
}

/** Every key Fidelio's web could show: the StringKey tables, read from their modules. */
async function knownKeys(): Promise<Set<string>> {
  const refs: TableRef[] = [];
  for (const name of readdirSync(join(webSrc, "strings"))) refs.push(...readModule(join(webSrc, "strings", name), new Set()).registers);
  refs.push(...readModule(i18nFile, new Set()).registers);
  return new Set((await Promise.all(refs.map(tableKeys))).flat());
}

export async function readStringGraph(): Promise<StringGraph> {
  const allKeys = await knownKeys();
  const facts = new Map<string, ModuleFacts>();
  const read = (file: string) => {
    if (!facts.has(file)) facts.set(file, readModule(file, allKeys));
    return facts.get(file)!;
  };
  const closure = (start: string, into = new Set<string>()) => {
    const stack = [start];
    while (stack.length) {
      const file = stack.pop()!;
      if (into.has(file)) continue;
      into.add(file);
      stack.push(...read(file).imports);
    }
    return into;
  };

  const pages: Page[] = [{ file: entryFile, modules: closure(entryFile) }];
  const seen = new Set([entryFile]);
  for (let i = 0; i < pages.length; i++) {
    const importer = pages[i]!;
    for (const file of importer.modules)
      for (const target of read(file).dynamicImports) {
        if (seen.has(target)) continue;
        seen.add(target);
        pages.push({ file: target, modules: closure(target, new Set(importer.modules)) });
      }
  }

  const keysByRef = new Map<string, string[]>();
  for (const facts of [...pages.flatMap((p) => [...p.modules])].map(read))
    for (const ref of facts.registers) {
      const id = `${short(ref.from)}:${ref.prefix}${ref.name}`;
      if (!keysByRef.has(id)) keysByRef.set(id, await tableKeys(ref));
    }
  const refId = (ref: TableRef) => `${short(ref.from)}:${ref.prefix}${ref.name}`;
  // The words of errors and field problems come with the first error: `call` (api.ts) loads them before it
  // throws (`errorWords`), so a page shows error.* and problem.* keys without registering them itself.
  const errorWordKeys = new Set<string>();
  for (const target of read(apiFile).dynamicImports)
    for (const file of closure(target))
      for (const ref of read(file).registers) for (const key of keysByRef.get(refId(ref)) ?? (await tableKeys(ref))) errorWordKeys.add(key);
  const errorPrefixes = new Set(["error.", "problem."]);

  return {
    pages,
    missing(page, skipRegistrationsIn) {
      const keys = new Set<string>();
      for (const file of page.modules)
        if (file !== skipRegistrationsIn) for (const ref of read(file).registers) for (const key of keysByRef.get(refId(ref))!) keys.add(key);
      if (page.modules.has(apiFile)) for (const key of errorWordKeys) if (errorPrefixes.has(`${key.split(".")[0]}.`)) keys.add(key);
      const has = (need: Need) => (need.prefix ? [...keys].some((key) => key.startsWith(need.key)) : keys.has(need.key));
      return [...page.modules].flatMap((file) => read(file).needs).filter((need) => !has(need));
    },
    tables(page) {
      return new Set([...page.modules].flatMap((file) => read(file).registers.map(refId)));
    },
  };
}

export const describeNeed = (need: Need) => `${need.prefix ? `a key starting with "${need.key}"` : `"${need.key}"`} (shown by ${short(need.file)})`;
export const pageName = (page: Page) => (page.file === entryFile ? "the entry (main.tsx)" : short(page.file));
