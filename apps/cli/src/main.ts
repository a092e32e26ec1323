#!/usr/bin/env node
/**
 * The `sawmill` executable: runs the command line and exits with its code.
 *
 * Layer: CLI (host). In the workspace: `npm run sawmill -- <command> …` (sources through tsx);
 * published: the `sawmill` bin (dist/main.js).
 */
import { runCli } from "./cli.js";
import { processIo } from "./io.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
