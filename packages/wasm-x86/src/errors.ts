/**
 * The one error the backend throws for input it cannot compile.
 *
 * Layer: public API. The message always names the function (index and, when the module has a
 * name section, its name), the byte offset in the module and the opcode, so a user can find
 * the construct in `wasm-objdump -d` output.
 */

export class CompileError extends Error {
  constructor(
    message: string,
    readonly functionIndex: number | null,
    readonly functionName: string | null,
    readonly offset: number,
    readonly opcode: string | null,
  ) {
    const where =
      functionIndex === null
        ? "module"
        : `function ${functionIndex}${functionName ? ` (${functionName})` : ""}`;
    const what = opcode ? ` at ${opcode}` : "";
    super(`wasm-x86: ${where}, byte offset ${offset}${what}: ${message}`);
    this.name = "CompileError";
  }
}
