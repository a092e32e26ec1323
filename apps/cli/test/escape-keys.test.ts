import { describe, expect, it } from "vitest";
import { CTRL_A, CTRL_C, EscapeKeys } from "../src/escape-keys.js";

describe("EscapeKeys", () => {
  it("passes ordinary text through", () => {
    expect(new EscapeKeys().feed("ls -l\r")).toEqual({ send: "ls -l\r", quit: false });
  });

  it("quits on Ctrl-C, keeping what came before it", () => {
    expect(new EscapeKeys().feed(`ab${CTRL_C}cd`)).toEqual({ send: "ab", quit: true });
  });

  it("quits on Ctrl-A x, also when the two keys arrive in separate reads", () => {
    expect(new EscapeKeys().feed(`a${CTRL_A}x`)).toEqual({ send: "a", quit: true });
    const keys = new EscapeKeys();
    expect(keys.feed(`a${CTRL_A}`)).toEqual({ send: "a", quit: false });
    expect(keys.feed("X")).toEqual({ send: "", quit: true });
  });

  it("sends one Ctrl-A for Ctrl-A Ctrl-A and drops Ctrl-A with any other key", () => {
    const keys = new EscapeKeys();
    expect(keys.feed(`${CTRL_A}${CTRL_A}b${CTRL_A}zc`)).toEqual({ send: `${CTRL_A}bc`, quit: false });
  });
});
