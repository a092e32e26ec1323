// The backend and the bare runtime share an ABI that neither package can import from the other
// (wasm-x86's tests run on bare-runtime): check here, where both are in reach, that they agree.
import { TrapKind as RuntimeTrapKind } from "@sawmill/bare-runtime";
import { TrapKind as BackendTrapKind } from "@sawmill/wasm-x86";
import { describe, expect, it } from "vitest";

describe("backend ↔ bare-runtime ABI", () => {
  it("numbers every backend trap kind as the runtime reports it", () => {
    for (const [name, kind] of Object.entries(BackendTrapKind)) {
      expect({ name, kind: RuntimeTrapKind[name as keyof typeof RuntimeTrapKind] }).toEqual({ name, kind });
    }
  });
});
