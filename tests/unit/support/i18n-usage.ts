// Finds the message keys the code uses, with the TypeScript compiler (syntax plus the types of
// dynamic arguments), for the catalog test.
//
// What counts as a use of a key:
// - a translator call: `t("key")`, `t.rich("key")`, `(await getTranslations("ns"))("key")`, where the
//   translator comes from useTranslations / getTranslations / createTranslator / translatorFor and its
//   namespace ("ns.key") from the binding;
// - a dynamic argument whose type is a union of string literals (`t(phase)` with phase: Phase): each
//   member; a template literal (`t(\`roles.${role}\`)`): each combination when every part has such a
//   type, otherwise every key under its static head ("roles.");
// - anywhere in the code, a string literal equal to a full key ("errors.agency.codeTaken") or a
//   template literal / concatenation whose static head names a namespace (`todo.secretariat.${phase}`).
//
// What must exist in the catalogs: the keys of translator calls, the namespaces of translator
// bindings, prefixes of templates, and every string literal shaped like a key under one of the
// catalogs' top-level namespaces ("validation.passwordWeak") that is not a permission name.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Site {
  file: string;
  line: number;
}

export interface Usage {
  /** Keys used exactly. */
  used: Map<string, Site[]>;
  /** Every key under these prefixes ("roles.") counts as used. */
  usedPrefixes: Map<string, Site[]>;
  /** Keys (or namespaces) the code needs; `kind` tells which. */
  required: { key: string; kind: "key" | "keyOrNamespace" | "namespace" | "prefix"; site: Site }[];
}

export interface ScanOptions {
  /** Project root; `@/x` imports resolve against it. */
  root: string;
  /** Absolute paths of the files to scan. */
  files: string[];
  /** Top-level namespaces of the catalogs (a dotted literal under one of them is a key reference). */
  namespaces: ReadonlySet<string>;
  /** Dotted strings that are not message keys (permission names such as "audit.read"). */
  notKeys: ReadonlySet<string>;
  /** Sources by absolute path that replace (or add to) files on disk, for testing the scanner. */
  sources?: ReadonlyMap<string, string>;
  /**
   * Dynamic prefixes whose possible values are known exactly: `nav.${item.key}` uses the keys of
   * NAV_ITEMS only, not every key under "nav.".
   */
  enumeratedPrefixes?: ReadonlyMap<string, readonly string[]>;
}

const FACTORIES = new Set(["useTranslations", "getTranslations", "createTranslator", "translatorFor"]);
const TRANSLATOR_METHODS = new Set(["rich", "markup", "raw", "has"]);
const KEY_SHAPE = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;
const PREFIX_SHAPE = /^[A-Za-z][\w-]*(\.[\w-]+)*\.$/;
const MAX_COMBINATIONS = 500;
/** Properties whose dotted string values name things, not messages. */
const IDENTIFIER_PROPERTIES = new Set(["action", "kind"]);

/** A string literal, or a choice between string literals (`a ? "x.y" : "x.z"`). */
function literalValue(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  if (ts.isConditionalExpression(node)) return literalValue(node.whenTrue) && literalValue(node.whenFalse);
  return ts.isStringLiteralLike(node);
}

/** Every .ts/.tsx file under the given folders, without tests and generated code. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith("."))
          continue;
        walk(full);
      } else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.(test|spec)\.tsx?$/.test(entry.name) &&
        !entry.name.endsWith(".d.ts")
      ) {
        out.push(full);
      }
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(path.join(root, folder));
  return out.sort();
}

/** A program of the project's own files only: packages stay unresolved (fast; their types are not needed). */
function createProgram(options: ScanOptions): ts.Program {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(compilerOptions);
  const sources = options.sources ?? new Map<string, string>();
  const exists = (file: string) => sources.has(file) || fs.existsSync(file);
  const baseGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = sources.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return baseGetSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (file) => exists(file) || ts.sys.fileExists(file);
  host.readFile = (file) => sources.get(file) ?? ts.sys.readFile(file);
  host.resolveModuleNames = (names, containing) =>
    names.map((name) => {
      let base: string;
      if (name.startsWith("@/")) base = path.join(options.root, name.slice(2));
      else if (name.startsWith(".")) base = path.resolve(path.dirname(containing), name);
      else return undefined;
      for (const candidate of [
        base,
        `${base}.ts`,
        `${base}.tsx`,
        path.join(base, "index.ts"),
        path.join(base, "index.tsx"),
      ]) {
        if (!/\.(tsx?|json)$/.test(candidate) || !exists(candidate)) continue;
        const extension = candidate.endsWith(".tsx")
          ? ts.Extension.Tsx
          : candidate.endsWith(".json")
            ? ts.Extension.Json
            : ts.Extension.Ts;
        return { resolvedFileName: candidate, extension, isExternalLibraryImport: false };
      }
      return undefined;
    });
  return ts.createProgram(options.files, compilerOptions, host);
}

/** Removes await, parentheses, `as`, `satisfies` and `!` around an expression. */
function unwrap(node: ts.Expression): ts.Expression {
  for (;;) {
    if (
      ts.isParenthesizedExpression(node) ||
      ts.isAwaitExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isNonNullExpression(node)
    ) {
      node = node.expression;
    } else {
      return node;
    }
  }
}

/** The namespace a translator factory call binds ("" for the root), or undefined if it is not one. */
function factoryNamespace(node: ts.Expression): { namespace: string; argument?: ts.Expression } | undefined {
  const call = unwrap(node);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) || !FACTORIES.has(callee.text)) return undefined;
  if (callee.text === "translatorFor") return { namespace: "" };
  const first = call.arguments[0];
  if (!first) return { namespace: "" };
  if (ts.isStringLiteralLike(first)) return { namespace: first.text, argument: first };
  if (ts.isObjectLiteralExpression(first)) {
    for (const property of first.properties) {
      if (
        ts.isPropertyAssignment(property) &&
        property.name.getText() === "namespace" &&
        ts.isStringLiteralLike(property.initializer)
      ) {
        return { namespace: property.initializer.text, argument: property.initializer };
      }
    }
    return { namespace: "" };
  }
  return { namespace: "" };
}

const qualify = (namespace: string, key: string) => (namespace ? `${namespace}.${key}` : key);

export function scanUsage(options: ScanOptions): Usage {
  const program = createProgram(options);
  const checker = program.getTypeChecker();
  const usage: Usage = { used: new Map(), usedPrefixes: new Map(), required: [] };
  const add = (map: Map<string, Site[]>, key: string, site: Site) =>
    map.set(key, [...(map.get(key) ?? []), site]);

  /** The string literal values of a type, or undefined unless it is (a union of) string literals only. */
  function literalValues(node: ts.Expression): string[] | undefined {
    const type = checker.getTypeAtLocation(node);
    const members = type.isUnion() ? type.types : [type];
    const values: string[] = [];
    for (const member of members) {
      if (!member.isStringLiteral()) return undefined;
      values.push(member.value);
    }
    return values.length > 0 ? values : undefined;
  }

  /** All strings a template can produce, if every part has a literal type (and there are few). */
  function templateValues(node: ts.TemplateExpression): string[] | undefined {
    let results = [node.head.text];
    for (const span of node.templateSpans) {
      const values = literalValues(span.expression);
      if (!values || results.length * values.length > MAX_COMBINATIONS) return undefined;
      results = results.flatMap((prefix) => values.map((value) => `${prefix}${value}${span.literal.text}`));
    }
    return results;
  }

  function markPrefix(prefix: string, site: Site) {
    const enumerated = options.enumeratedPrefixes?.get(prefix);
    if (enumerated) {
      for (const key of enumerated) {
        add(usage.used, `${prefix}${key}`, site);
        usage.required.push({ key: `${prefix}${key}`, kind: "key", site });
      }
      return;
    }
    add(usage.usedPrefixes, prefix, site);
    usage.required.push({ key: prefix, kind: "prefix", site });
  }

  function markKey(key: string, site: Site) {
    add(usage.used, key, site);
    usage.required.push({ key, kind: "key", site });
  }

  /** The first argument of a translator call bound to `namespace`. */
  function translatorArgument(argument: ts.Expression, namespace: string, site: Site, handled: Set<ts.Node>) {
    const node = unwrap(argument);
    handled.add(node);
    if (ts.isStringLiteralLike(node)) return markKey(qualify(namespace, node.text), site);
    if (ts.isConditionalExpression(node)) {
      translatorArgument(node.whenTrue, namespace, site, handled);
      translatorArgument(node.whenFalse, namespace, site, handled);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const values = templateValues(node);
      if (values) return values.forEach((value) => markKey(qualify(namespace, value), site));
      if (node.head.text || namespace)
        markPrefix(qualify(namespace, node.head.text) || `${namespace}.`, site);
      return;
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      ts.isStringLiteralLike(unwrap(node.left))
    ) {
      handled.add(unwrap(node.left));
      markPrefix(qualify(namespace, (unwrap(node.left) as ts.StringLiteralLike).text), site);
      return;
    }
    const values = literalValues(node);
    if (values) return values.forEach((value) => markKey(qualify(namespace, value), site));
    // A key only known at run time: inside a namespace, every key of the namespace may be meant; at
    // the root, the keys come from literals elsewhere in the code (the data layer).
    if (namespace) add(usage.usedPrefixes, `${namespace}.`, site);
  }

  const scanned = new Set(options.files.map((file) => path.resolve(file)));
  for (const sourceFile of program.getSourceFiles()) {
    if (!scanned.has(path.resolve(sourceFile.fileName))) continue;
    const relative = path.relative(options.root, sourceFile.fileName);
    const siteOf = (node: ts.Node): Site => ({
      file: relative,
      line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
    });
    const translators = new Map<ts.Symbol, string>();
    const handled = new Set<ts.Node>();

    // Pass 1: translator bindings (const t = useTranslations("ns"), const t = await getTranslations()).
    const bind = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
        const factory = factoryNamespace(node.initializer);
        const symbol = checker.getSymbolAtLocation(node.name);
        if (factory && symbol) translators.set(symbol, factory.namespace);
      }
      ts.forEachChild(node, bind);
    };
    bind(sourceFile);

    const namespaceOfCallee = (callee: ts.Expression): string | undefined => {
      const node = unwrap(callee);
      if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        return symbol ? translators.get(symbol) : undefined;
      }
      if (ts.isPropertyAccessExpression(node) && TRANSLATOR_METHODS.has(node.name.text))
        return namespaceOfCallee(node.expression);
      return factoryNamespace(node)?.namespace;
    };

    // Pass 2: translator calls and factory namespaces.
    const calls = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const factory = factoryNamespace(node);
        if (factory?.argument) {
          handled.add(factory.argument);
          if (factory.namespace)
            usage.required.push({ key: factory.namespace, kind: "namespace", site: siteOf(node) });
        }
        const namespace = factory ? undefined : namespaceOfCallee(node.expression);
        const first = node.arguments[0];
        if (namespace !== undefined && first) translatorArgument(first, namespace, siteOf(node), handled);
      }
      ts.forEachChild(node, calls);
    };
    calls(sourceFile);

    // Pass 3: key-shaped literals anywhere else (the data layer names full keys). Identifiers that
    // merely look dotted are not keys: audit actions and notification kinds (`action:` / `kind:`).
    const literals = (node: ts.Node): void => {
      if (
        ts.isImportDeclaration(node) ||
        ts.isExportDeclaration(node) ||
        ts.isImportTypeNode(node) ||
        ts.isLiteralTypeNode(node)
      )
        return;
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        IDENTIFIER_PROPERTIES.has(node.name.text) &&
        literalValue(node.initializer)
      )
        return;
      if (!handled.has(node)) {
        if (ts.isStringLiteralLike(node) && KEY_SHAPE.test(node.text) && !options.notKeys.has(node.text)) {
          add(usage.used, node.text, siteOf(node));
          if (options.namespaces.has(node.text.split(".")[0]!))
            usage.required.push({ key: node.text, kind: "keyOrNamespace", site: siteOf(node) });
        } else if (
          ts.isTemplateExpression(node) &&
          PREFIX_SHAPE.test(node.head.text) &&
          options.namespaces.has(node.head.text.split(".")[0]!)
        ) {
          markPrefix(node.head.text, siteOf(node));
        } else if (
          ts.isBinaryExpression(node) &&
          node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
          ts.isStringLiteralLike(node.left) &&
          PREFIX_SHAPE.test(node.left.text) &&
          options.namespaces.has(node.left.text.split(".")[0]!)
        ) {
          handled.add(node.left);
          markPrefix(node.left.text, siteOf(node));
        }
      }
      ts.forEachChild(node, literals);
    };
    literals(sourceFile);
  }
  return usage;
}
