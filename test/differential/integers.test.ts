import { describePrograms } from "../support/program-suite.js";
import { KNOWN_GAPS } from "./known-gaps.js";

describePrograms("i32 and i64 programs", (name) => name.startsWith("int"), KNOWN_GAPS);
