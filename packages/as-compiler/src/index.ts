export { STANDARD_ASC_FLAGS } from "./asc-flags.js";
export { AscError, type CompileOptions, compileFile, compileSource, type SourceOptions } from "./compile.js";
