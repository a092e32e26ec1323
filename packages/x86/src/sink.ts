/**
 * Where instruction families put their output.
 *
 * Layer: between the instruction families and the Assembler. The Assembler implements `Sink`
 * for its current section and adds any pending rep/lock prefix; families only choose encodings.
 */

import type { Encoding } from "./encoding.js";
import type { Label } from "./operands.js";

export interface Sink {
  encode(encoding: Encoding, mnemonic: string): void;
  /** A relaxable jmp (condition null) or jcc to a label. */
  branch(condition: number | null, target: Label, mnemonic: string): void;
}
