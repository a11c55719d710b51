// A small reader of ICU MessageFormat as next-intl (formatjs) understands it, enough to compare the
// placeholders of two translations: arguments with their type ({name}, {count, plural, ...}) and rich
// text tags (<b>...</b>). Throws on unbalanced braces.

const PLURAL_TYPES = new Set(["plural", "selectordinal", "select"]);

/** Placeholders of a message, e.g. ["name", "count, plural", "<b>"], sorted and unique. */
export function icuPlaceholders(message: string): string[] {
  const found = new Set<string>();
  let i = 0;

  const fail = (what: string): never => {
    throw new Error(`${what} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };

  /** Text up to the end or the "}" closing the enclosing branch (not consumed). */
  function text(nested: boolean, inPlural: boolean): void {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") {
          i += 2;
        } else if (next !== undefined && ("{}<>".includes(next) || (inPlural && next === "#"))) {
          // Quoted literal text up to the next single apostrophe.
          const close = message.indexOf("'", i + 1);
          i = close === -1 ? message.length : close + 1;
        } else {
          i++;
        }
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        if (!nested) fail("Unexpected }");
        return;
      } else if (c === "<") {
        const tag = /^<\/?([A-Za-z][\w-]*)\s*\/?>/.exec(message.slice(i));
        if (tag) {
          found.add(`<${tag[1]}>`);
          i += tag[0].length;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
    if (nested) fail("Missing }");
  }

  /** After "{": name[, type[, style or options]]}. */
  function argument(): void {
    skipSpace();
    const name = readUntil(",}");
    if (!/^[\p{L}\p{N}_]+$/u.test(name)) fail(`Bad argument name ${JSON.stringify(name)}`);
    if (message[i] === "}") {
      i++;
      found.add(name);
      return;
    }
    i++; // ","
    const type = readUntil(",}");
    found.add(`${name}, ${type}`);
    if (message[i] === "}") {
      i++;
      return;
    }
    i++; // ","
    if (!PLURAL_TYPES.has(type)) {
      // number/date/time style or skeleton, up to the closing brace.
      readUntil("}");
      if (message[i] !== "}") fail("Missing }");
      i++;
      return;
    }
    // Options: selector {message} ..., until the closing brace of the argument.
    for (;;) {
      skipSpace();
      if (message[i] === "}") {
        i++;
        return;
      }
      const selector = readUntil("{}");
      if (!selector || message[i] !== "{") fail("Bad option");
      if (/^offset:/.test(selector)) fail("offset is not supported here");
      i++;
      text(true, type !== "select");
      i++; // "}" of the option
    }
  }

  text(false, false);
  return [...found].sort();
}
