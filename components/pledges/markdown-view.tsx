import type { ReactNode } from "react";
import type { Block, Inline } from "@/lib/pledges/markdown";

// Renders the safe tree of lib/pledges/markdown.ts: React escapes every text, no author HTML exists.

function Inlines({ content }: { content: Inline[] }): ReactNode {
  return content.map((inline, index) => {
    let node: ReactNode = inline.text;
    if (inline.italic) node = <em>{node}</em>;
    if (inline.bold) node = <strong>{node}</strong>;
    return (
      <span key={index}>
        {node}
        {inline.br && <br />}
      </span>
    );
  });
}

export function MarkdownView({ blocks }: { blocks: Block[] }): ReactNode {
  return blocks.map((block, index) => {
    switch (block.type) {
      case "heading":
        return block.level === 3 ? (
          <h3 key={index} className="mt-3 font-semibold">
            <Inlines content={block.content} />
          </h3>
        ) : (
          <h4 key={index} className="mt-2 font-semibold">
            <Inlines content={block.content} />
          </h4>
        );
      case "paragraph":
        return (
          <p key={index} className="my-2">
            <Inlines content={block.content} />
          </p>
        );
      case "list": {
        const items = block.items.map((item, i) => (
          <li key={i}>
            <Inlines content={item} />
          </li>
        ));
        return block.ordered ? (
          <ol key={index} start={block.start} className="my-2 ml-6 list-decimal">
            {items}
          </ol>
        ) : (
          <ul key={index} className="my-2 ml-6 list-disc">
            {items}
          </ul>
        );
      }
      case "quote":
        return (
          <blockquote key={index} className="my-2 border-l-4 border-slate-300 pl-3 italic">
            <MarkdownView blocks={block.blocks} />
          </blockquote>
        );
    }
  });
}
