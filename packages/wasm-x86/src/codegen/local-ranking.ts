/**
 * Static execution-frequency estimate of every local access, for ranking locals by how much
 * a register would save.
 *
 * Layer: codegen analysis, runs before lowering. Interface: `localWeights(instrs)` maps each
 * accessed local to the summed estimated frequency of its local.get/set/tee.
 *
 * Model (relative to one function entry): a loop body runs LOOP_TRIPS times per entry to the
 * loop; each arm of an `if` and each way out of a `br_if` gets half; a `br_table` splits evenly
 * over its targets; code after an unconditional branch is not reached until the next `end`,
 * which collects the frequency of every branch to that block. Counting uses by loop depth
 * alone misleads in a loop that dispatches through a `br_table` (a state machine): the rare
 * arms hold most of the uses, while the loop counter is used a few times on every trip.
 */

import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";

const LOOP_TRIPS = 8;
/** Nesting beyond this adds nothing (keeps the figures finite in deep nests). */
const MAX_LOOP_WEIGHT = LOOP_TRIPS ** 4;

const BLOCK = op("block");
const LOOP = op("loop");
const IF = op("if");
const ELSE = op("else");
const END = op("end");
const BR = op("br");
const BR_IF = op("br_if");
const BR_TABLE = op("br_table");
const RETURN = op("return");
const UNREACHABLE = op("unreachable");
const LOCAL_GET = op("local.get");
const LOCAL_SET = op("local.set");
const LOCAL_TEE = op("local.tee");

interface Region {
  readonly loop: boolean;
  /** Frequency at the region's entry (for loops: what falls out at their end). */
  readonly entry: number;
  /** Frequency of branches to the region's end. */
  arriving: number;
  /** For `if` without a seen `else`: the frequency of the implicit empty false arm. */
  pendingElse: number;
}

export function localWeights(instrs: readonly Instr[]): Map<number, number> {
  const weights = new Map<number, number>();
  const regions: Region[] = [{ loop: false, entry: 1, arriving: 0, pendingElse: 0 }];
  let now = 1;
  const branchTo = (depth: number, frequency: number) => {
    const target = regions[regions.length - 1 - depth];
    if (target && !target.loop) target.arriving += frequency;
  };
  for (const instr of instrs) {
    switch (instr.op) {
      case BLOCK:
        regions.push({ loop: false, entry: now, arriving: 0, pendingElse: 0 });
        break;
      case LOOP:
        regions.push({ loop: true, entry: now, arriving: 0, pendingElse: 0 });
        now = Math.min(now * LOOP_TRIPS, MAX_LOOP_WEIGHT);
        break;
      case IF:
        regions.push({ loop: false, entry: now, arriving: 0, pendingElse: now / 2 });
        now /= 2;
        break;
      case ELSE: {
        const region = regions[regions.length - 1];
        region.arriving += now;
        now = region.pendingElse;
        region.pendingElse = 0;
        break;
      }
      case END: {
        const region = regions.pop();
        if (!region) break;
        now = region.loop ? region.entry : now + region.arriving + region.pendingElse;
        break;
      }
      case BR:
        branchTo(instr.index, now);
        now = 0;
        break;
      case BR_IF:
        now /= 2;
        branchTo(instr.index, now);
        break;
      case BR_TABLE: {
        const targets = instr.targets ?? [];
        for (const depth of targets) branchTo(depth, now / targets.length);
        now = 0;
        break;
      }
      case RETURN:
      case UNREACHABLE:
        now = 0;
        break;
      case LOCAL_GET:
      case LOCAL_SET:
      case LOCAL_TEE:
        weights.set(instr.index, (weights.get(instr.index) ?? 0) + now);
        break;
    }
  }
  return weights;
}
