// Messages between the parse worker and its piece workers. The parse worker reads the file and
// parses its first piece (which holds the header); later pieces of whole rows go to piece
// workers, which check them in parallel and send back their facts as columns.
import type { Column, RowProblem } from "../model/contract.ts";
import type { Newline } from "../model/csvRows.ts";
import type { StoreBlock } from "../model/factStore.ts";

export interface PieceRequest {
  seq: number;
  /** UTF-8 bytes of whole rows, not the file's first: the chunks the download came in, which the
   * piece worker joins (so the worker reading the download does not copy them). */
  chunks: Uint8Array[];
  header: Record<Column, number>;
  newline: Newline;
  regionKeys: string[];
  problemLimit: number;
}

export type PieceResponse =
  | {
      seq: number;
      type: "parsed";
      block: StoreBlock;
      /** The piece's bytes, joined (moved back: the block's texts are ranges of them), and the
       * quotes they hold, which tell whether the piece was cut at a row end (PieceJoin). */
      bytes: Uint8Array;
      quotes: number;
      /** Lines count from the piece's first row (line 1). */
      problems: RowProblem[];
      problemCount: number;
      rowCount: number;
      /** File lines the piece spans. */
      lines: number;
    }
  | { seq: number; type: "error"; message: string };
