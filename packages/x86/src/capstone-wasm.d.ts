// Types for the parts of capstone-wasm we use: its own .d.ts is not reachable through its
// package.json "exports" under NodeNext resolution.
declare module "capstone-wasm" {
  export interface Insn {
    address: number | bigint;
    size: number;
    bytes: Uint8Array;
    mnemonic: string;
    opStr: string;
  }
  export class Capstone {
    constructor(arch: number, mode: number);
    disasm(data: Uint8Array, options?: { address?: number; count?: number }): Insn[];
  }
  export const Const: { CS_ARCH_X86: number; CS_MODE_32: number };
  export function loadCapstone(): Promise<void>;
}
