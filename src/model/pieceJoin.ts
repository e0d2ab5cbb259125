// Pieces of a file parsed side by side, taken in file order. A piece is cut at a line feed
// without looking at quotes (rowPieceChunks), so it may end inside a quoted field that holds line
// breaks; its parser assumed it started at a row start. Which pieces were cut well is known from
// the quotes each one holds: a piece that starts at a row start and holds an even number of
// quotes ends at a row end. A piece holding an odd number is kept back and parsed again joined
// with the next one (whose own parse, from inside a field, is thrown away), until the quotes
// pair up. Knows nothing of workers: a unit test runs it with the byte loader directly.
import { joinChunks } from "./csvChunks.ts";

/** What a piece's parse gives back besides its facts: its bytes and how many quotes they hold. */
export interface CutPiece {
  bytes: Uint8Array;
  quotes: number;
}

export class PieceJoin<P extends CutPiece> {
  /** The bytes of pieces that ended inside a quoted field, waiting for the rest of it. */
  private carry: Uint8Array | null = null;

  constructor(
    /** Parses bytes that start at a row start (a piece and the ones after it, joined). */
    private readonly reparse: (bytes: Uint8Array) => Promise<P>,
    /** Takes a piece that starts and ends at a row end, in file order. */
    private readonly accept: (part: P) => void,
  ) {}

  /** The next piece's parse, in file order. */
  async add(part: P): Promise<void> {
    if (this.carry) {
      const joined = joinChunks([this.carry, part.bytes]);
      this.carry = null;
      part = await this.reparse(joined);
    }
    if (part.quotes % 2) this.carry = part.bytes;
    else this.accept(part);
  }

  /** After the last piece: a file that ends inside a quoted field ends with that row as it is. */
  async finish(): Promise<void> {
    if (!this.carry) return;
    const rest = this.carry;
    this.carry = null;
    this.accept(await this.reparse(rest));
  }
}
