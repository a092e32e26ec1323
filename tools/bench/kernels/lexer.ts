// Kernel "lexer": a switch-driven tokenizer state machine over 4 KiB of C-like source text
// (identifiers, numbers, strings with escapes, line and block comments, operators, lines).
import { fnv1a } from "./common";

const LENGTH: usize = 4096;
const input = memory.data(<i32>LENGTH, 16);
// 32 characters, weighted towards letters, so that every state is visited often.
const ALPHABET = memory.data<u8>([
  0x61,
  0x62,
  0x63,
  0x64,
  0x65,
  0x66,
  0x67,
  0x68,
  0x69,
  0x6a, // a-j
  0x30,
  0x31,
  0x32,
  0x33,
  0x34, //                               0-4
  0x20,
  0x20,
  0x20,
  0x09,
  0x0a,
  0x0a, //                          space, tab, newline
  0x22,
  0x5c,
  0x2f,
  0x2f,
  0x2a,
  0x2a, //                          " \ / / * *
  0x2b,
  0x3d,
  0x28,
  0x29,
  0x3b, //                                + = ( ) ;
]);

const enum State {
  Start,
  Identifier,
  Number,
  String,
  StringEscape,
  Slash,
  LineComment,
  BlockComment,
  BlockStar,
}

export function setup(): void {
  let state: u32 = 5;
  for (let i: usize = 0; i < LENGTH; i++) {
    state = state * 1664525 + 1013904223;
    store<u8>(input + i, load<u8>(ALPHABET + (state >> 27)));
  }
}

function isLetter(c: u32): bool {
  return c - 0x61 < 26 || c === 0x5f;
}

function isDigit(c: u32): bool {
  return c - 0x30 < 10;
}

export function run(): i32 {
  let state = State.Start;
  let identifiers = 0;
  let numbers = 0;
  let strings = 0;
  let comments = 0;
  let operators = 0;
  let lines = 0;
  for (let i: usize = 0; i < LENGTH; i++) {
    const c: u32 = load<u8>(input + i);
    switch (state) {
      case State.Start:
        break;
      case State.Identifier:
        if (isLetter(c) || isDigit(c)) continue;
        identifiers++;
        break;
      case State.Number:
        if (isDigit(c)) continue;
        numbers++;
        break;
      case State.String:
        if (c === 0x5c) state = State.StringEscape;
        else if (c === 0x22) {
          strings++;
          state = State.Start;
        } else if (c === 0x0a) lines++;
        continue;
      case State.StringEscape:
        state = State.String;
        continue;
      case State.Slash:
        if (c === 0x2f) {
          state = State.LineComment;
          continue;
        }
        if (c === 0x2a) {
          state = State.BlockComment;
          continue;
        }
        operators++;
        break;
      case State.LineComment:
        if (c === 0x0a) {
          comments++;
          lines++;
          state = State.Start;
        }
        continue;
      case State.BlockComment:
        if (c === 0x2a) state = State.BlockStar;
        else if (c === 0x0a) lines++;
        continue;
      case State.BlockStar:
        if (c === 0x2f) {
          comments++;
          state = State.Start;
        } else if (c !== 0x2a) {
          if (c === 0x0a) lines++;
          state = State.BlockComment;
        }
        continue;
    }
    // The previous token (if any) ended before c: start the next one at c.
    switch (c) {
      case 0x20:
      case 0x09:
        state = State.Start;
        break;
      case 0x0a:
        lines++;
        state = State.Start;
        break;
      case 0x22:
        state = State.String;
        break;
      case 0x2f:
        state = State.Slash;
        break;
      default:
        if (isLetter(c)) state = State.Identifier;
        else if (isDigit(c)) state = State.Number;
        else {
          operators++;
          state = State.Start;
        }
    }
  }
  return ((((identifiers * 31 + numbers) * 31 + strings) * 31 + comments) * 31 + operators) * 31 + lines;
}

export function digest(): i32 {
  return fnv1a(input, LENGTH);
}
