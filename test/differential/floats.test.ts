import { describePrograms } from "../support/program-suite.js";
import { KNOWN_GAPS } from "./known-gaps.js";

describePrograms("float and conversion programs", (name) => /^(float|convert)/.test(name), KNOWN_GAPS);
