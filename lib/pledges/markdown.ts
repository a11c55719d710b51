import { marked, type Token, type Tokens } from "marked";

// The "safe Markdown" of pledge texts: paragraphs, headings, lists, quotes, bold, italic and line
// breaks. The server parses it into this small tree; pages, previews and the PDF render the tree, so
// no HTML from the author ever reaches a browser. Anything else (HTML, links, images, code, tables)
// is kept as its plain text.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break follows. */
  br?: boolean;
}

export type Block =
  | { type: "heading"; level: 3 | 4; content: Inline[] }
  | { type: "paragraph"; content: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "quote"; blocks: Block[] };

function inlines(tokens: Token[] | undefined, style: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        out.push(...inlines((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case "em":
        out.push(...inlines((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case "br":
        if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, br: true };
        break;
      case "link":
        out.push(...inlines((token as Tokens.Link).tokens, style));
        break;
      case "text":
      case "escape":
        if ("tokens" in token && token.tokens?.length) out.push(...inlines(token.tokens, style));
        else out.push({ text: decode(token.text), ...style });
        break;
      default:
        // codespan, html, image, del, ...: their plain text
        out.push({
          text: decode("text" in token && typeof token.text === "string" ? token.text : token.raw),
          ...style,
        });
    }
  }
  return out.filter((inline) => inline.text !== "" || inline.br);
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
/** marked escapes some characters in text tokens; the tree holds plain text (React escapes it). */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function blocks(tokens: Token[]): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "heading": {
        const heading = token as Tokens.Heading;
        out.push({ type: "heading", level: heading.depth <= 2 ? 3 : 4, content: inlines(heading.tokens) });
        break;
      }
      case "paragraph":
        out.push({ type: "paragraph", content: inlines((token as Tokens.Paragraph).tokens) });
        break;
      case "list": {
        const list = token as Tokens.List;
        out.push({
          type: "list",
          ordered: list.ordered,
          start: typeof list.start === "number" ? list.start : 1,
          items: list.items.map((item) =>
            item.tokens.flatMap((child) =>
              "tokens" in child && child.tokens ? inlines(child.tokens) : inlines([child]),
            ),
          ),
        });
        break;
      }
      case "blockquote":
        out.push({ type: "quote", blocks: blocks((token as Tokens.Blockquote).tokens) });
        break;
      case "space":
      case "hr":
        break;
      default: {
        const text = "text" in token && typeof token.text === "string" ? token.text : token.raw;
        if (text.trim()) out.push({ type: "paragraph", content: [{ text: decode(text.trim()) }] });
      }
    }
  }
  return out;
}

export function parseSafeMarkdown(markdown: string): Block[] {
  return blocks(marked.lexer(markdown.replace(/\r\n?/g, "\n"), { gfm: true, breaks: true }));
}

/**
 * What the printed document can hold, with room to spare: PDFs of texts within these limits render in a
 * few seconds (measured in tests/integration/document-limits.test.ts). Deeper nesting crashed the
 * layout engine; thousands of hard line breaks in one paragraph took minutes.
 */
export const MARKDOWN_LIMITS = {
  /** Quotes (>) and lists inside one another. */
  depth: 3,
  /** Line breaks inside one paragraph, heading or list item. */
  breaksPerBlock: 30,
  /** Paragraphs, headings and list items, plus their line breaks, in one text. */
  linesPerText: 300,
  /** The same over every text of one document. */
  linesPerDocument: 600,
} as const;

export interface MarkdownProblem {
  /** Catalog key under validation.markdown. */
  message: string;
  params: Record<string, number>;
}

/** Nesting written at the start of a line: quote markers and list markers ("> > - 1. text"). */
function markersAtLineStart(line: string): number {
  let count = 0;
  let rest = line;
  for (;;) {
    const marker = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/.exec(rest);
    if (!marker || marker[0].length === 0) return count;
    count += 1;
    rest = rest.slice(marker[0].length);
  }
}

function quoteDepth(tree: Block[]): number {
  return Math.max(0, ...tree.map((block) => (block.type === "quote" ? 1 + quoteDepth(block.blocks) : 0)));
}

/** Each paragraph, heading and list item with its line breaks. */
function lineCounts(tree: Block[]): number[] {
  return tree.flatMap((block) => {
    if (block.type === "quote") return lineCounts(block.blocks);
    const texts = block.type === "list" ? block.items : [block.content];
    return texts.map((content) => content.filter((inline) => inline.br).length);
  });
}

/**
 * The first limit a text passes (null: printable). Nesting is checked on the raw lines before parsing,
 * so that no parser recurses into a text nested thousands deep.
 */
export function markdownProblem(markdown: string): MarkdownProblem | null {
  const { depth, breaksPerBlock, linesPerText } = MARKDOWN_LIMITS;
  const text = markdown.replace(/\r\n?/g, "\n");
  if (text.split("\n").some((line) => markersAtLineStart(line) > depth))
    return { message: "validation.markdown.tooDeep", params: { max: depth } };
  let tree: Block[];
  try {
    tree = parseSafeMarkdown(text);
  } catch {
    // A nesting the line scan does not see (e.g. by indentation) that exhausts the parser.
    return { message: "validation.markdown.tooDeep", params: { max: depth } };
  }
  if (quoteDepth(tree) > depth) return { message: "validation.markdown.tooDeep", params: { max: depth } };
  const breaks = lineCounts(tree);
  const crowded = breaks.findIndex((count) => count > breaksPerBlock);
  if (crowded >= 0)
    return {
      message: "validation.markdown.tooManyBreaks",
      params: { max: breaksPerBlock, block: crowded + 1, count: breaks[crowded]! },
    };
  const lines = printedLines(tree);
  if (lines > linesPerText)
    return { message: "validation.markdown.tooManyLines", params: { max: linesPerText, count: lines } };
  return null;
}

/** Paragraphs, headings and list items plus their line breaks: how long a text prints. */
export function printedLines(tree: Block[]): number {
  return lineCounts(tree).reduce((sum, breaks) => sum + 1 + breaks, 0);
}

/** The plain text of a tree (search, PDF fallbacks, tests). */
export function plainText(tree: Block[]): string {
  const line = (content: Inline[]) => content.map((inline) => inline.text + (inline.br ? "\n" : "")).join("");
  return tree
    .map((block) => {
      if (block.type === "list")
        return block.items
          .map((item, i) => `${block.ordered ? `${block.start + i}.` : "-"} ${line(item)}`)
          .join("\n");
      if (block.type === "quote") return plainText(block.blocks);
      return line(block.content);
    })
    .join("\n\n");
}
