import { EssayText } from "@/components/reader/essay-text";
import type { Block } from "@/lib/content";
import type { DiffPiece } from "@/lib/errata/types";

/** The superscript after an erratum's last piece: a link to its entry in the list. */
function ErratumRef({ number }: { number: number }) {
  return (
    <sup className="erratum-ref">
      <a href={`#erratum-${number}`} aria-label={`Erratum ${number}`}>
        {number}
      </a>
    </sup>
  );
}

function renderPieces(pieces: DiffPiece[]) {
  return pieces.map((piece, i) => {
    if (piece.kind === "same") return <span key={i}>{piece.text}</span>;
    const isLast = pieces[i + 1]?.erratumNumber !== piece.erratumNumber;
    // <del>/<ins> are not announced by most screen readers, so each says what it is in words too.
    const mark =
      piece.kind === "removed" ? (
        <del className="errata-removed">
          <span className="visually-hidden">removed: </span>
          {piece.text}
        </del>
      ) : (
        <ins className="errata-inserted">
          <span className="visually-hidden">inserted: </span>
          {piece.text}
        </ins>
      );
    return (
      <span key={i} className="errata-change">
        {mark}
        {isLast && piece.erratumNumber !== undefined ? <ErratumRef number={piece.erratumNumber} /> : null}
      </span>
    );
  });
}

/**
 * The original text with every applied correction shown in place: removed
 * words struck through, inserted words marked, each change numbered.
 */
export function ChangesText({ text, blocks, pieces }: { text: string; blocks: Block[]; pieces: DiffPiece[][] }) {
  return <EssayText text={text} blocks={blocks} renderBlock={(_block, index) => renderPieces(pieces[index] ?? [])} />;
}
