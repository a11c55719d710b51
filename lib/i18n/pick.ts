type Tree = { [key: string]: string | Tree };

/**
 * The part of a message catalog under the given namespaces ("review", "admin.users"), in the same
 * shape: what client components need, so a page does not ship the whole catalog to the browser.
 */
export function pickMessages(messages: Tree, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: string | Tree | undefined = messages;
    for (const part of path) source = typeof source === "object" ? source[part] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const part of path.slice(0, -1))
      target = (target[part] = typeof target[part] === "object" ? target[part] : {}) as Tree;
    target[path[path.length - 1]!] = source;
  }
  return picked;
}
