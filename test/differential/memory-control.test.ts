import { describePrograms } from "../support/program-suite.js";
import { KNOWN_GAPS } from "./known-gaps.js";

describePrograms(
  "memory, globals, control flow, calls, traps and whole algorithms",
  (name) => !/^(int|float|convert)/.test(name),
  KNOWN_GAPS,
);
