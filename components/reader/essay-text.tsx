import type { Block } from "@/lib/content";

type ListGroup = { kind: "list"; items: { block: Block; index: number }[] };
type Single = { kind: "single"; block: Block; index: number };

/** Consecutive list items render as one <ul>; everything else stands alone. */
function groupBlocks(blocks: Block[]): (ListGroup | Single)[] {
  const groups: (ListGroup | Single)[] = [];
  blocks.forEach((block, index) => {
    const last = groups.at(-1);
    if (block.type === "listItem") {
      if (last?.kind === "list") last.items.push({ block, index });
      else groups.push({ kind: "list", items: [{ block, index }] });
    } else {
      groups.push({ kind: "single", block, index });
    }
  });
  return groups;
}

export interface EssayTextProps {
  text: string;
  blocks: Block[];
  /** Renders a block's inner content; defaults to its plain words. Issue-3 highlights plug in here. */
  renderBlock?: (block: Block, index: number) => React.ReactNode;
  /** id given to the first level-1 heading, so the article can be labelled by it. */
  titleId?: string;
}

/**
 * The essay's canonical text as headings, paragraphs, quotes and bullets. Every
 * block carries `data-start`/`data-end`: its UTF-16 offsets into the canonical
 * text, which is what selections and highlights are mapped through.
 */
export function EssayText({ text, blocks, renderBlock, titleId }: EssayTextProps) {
  const titleIndex = titleId ? blocks.findIndex((b) => b.type === "heading" && b.level === 1) : -1;
  const inner = (block: Block, index: number) =>
    renderBlock ? renderBlock(block, index) : text.slice(block.start, block.end);
  const attrs = (block: Block, index: number) => ({
    "data-block": index,
    "data-start": block.start,
    "data-end": block.end,
    // A reading made from a file: "Page N" before the first block of each page, drawn by CSS (not part of the text).
    ...(block.page !== undefined && blocks[index - 1]?.page !== block.page ? { "data-page-start": block.page + 1 } : {}),
  });

  return (
    <div className="essay-text">
      {groupBlocks(blocks).map((group) => {
        if (group.kind === "list") {
          return (
            <ul key={`l${group.items[0].index}`}>
              {group.items.map(({ block, index }) => (
                <li key={index} {...attrs(block, index)}>
                  {inner(block, index)}
                </li>
              ))}
            </ul>
          );
        }
        const { block, index } = group;
        if (block.type === "heading") {
          const Tag = `h${Math.min(6, Math.max(1, block.level ?? 2))}` as "h1";
          return (
            <Tag key={index} id={index === titleIndex ? titleId : undefined} {...attrs(block, index)}>
              {inner(block, index)}
            </Tag>
          );
        }
        if (block.type === "quote") {
          return (
            <blockquote key={index} {...attrs(block, index)}>
              {inner(block, index)}
            </blockquote>
          );
        }
        return (
          <p key={index} {...attrs(block, index)}>
            {inner(block, index)}
          </p>
        );
      })}
    </div>
  );
}
