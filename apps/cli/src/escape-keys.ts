/**
 * The keys that end an interactive `sawmill run`, as in QEMU's serial console.
 *
 * Layer: CLI (host). Interface: `EscapeKeys.feed(text) → { send, quit }`.
 * Keys (terminal in raw mode, so they arrive as bytes): Ctrl-C quits; Ctrl-A x quits; Ctrl-A
 * Ctrl-A sends one Ctrl-A to the guest; Ctrl-A followed by anything else is dropped. Everything
 * else goes to the guest unchanged. The state survives across chunks (Ctrl-A may end one read).
 */

export const CTRL_A = "\x01";
export const CTRL_C = "\x03";

export interface KeyResult {
  /** Text for the guest's serial port (may be empty). */
  readonly send: string;
  /** The user asked to quit; text after the quit key is discarded. */
  readonly quit: boolean;
}

export class EscapeKeys {
  private afterCtrlA = false;

  feed(text: string): KeyResult {
    let send = "";
    for (const char of text) {
      if (this.afterCtrlA) {
        this.afterCtrlA = false;
        if (char === "x" || char === "X") return { send, quit: true };
        if (char === CTRL_A) send += CTRL_A;
      } else if (char === CTRL_A) this.afterCtrlA = true;
      else if (char === CTRL_C) return { send, quit: true };
      else send += char;
    }
    return { send, quit: false };
  }
}
