// The dataspace protocol's two ends over the stubs @sawmill/idl generates from
// idl/dataspace.idl.ts (staged beside this file as ./dataspace-protocol, src/index.ts):
// DataspaceManager is the policy a manager plugs in and serveDataspaces serves it on an
// endpoint; dataspaceClient(slot) is a client's bound stub for the manager behind a slot.
// Layer: user level, above the kernel's IPC and map items.
// Decode, then invoke: every request is checked (the dataspace exists, the caller owns it, the
// offset is inside it) before the manager is asked for anything. Invariants: a dataspace's
// owner is the badge of the capability it was opened through (or the badge it was transferred
// to), and only the owner is served; a map reply carries one one-page map item or none.
import * as idl from "@sawmill/idl/assembly/runtime";
import { fpage, PAGE_BITS, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import {
  DATASPACE_BAD_DATASPACE,
  DATASPACE_NO_MEMORY,
  DATASPACE_NOT_OWNER,
  DATASPACE_OUT_OF_RANGE,
  DataspaceClient,
  DataspaceServer,
  serveDataspace,
} from "./dataspace-protocol";

export { DATASPACE_BAD_DATASPACE, DATASPACE_NO_MEMORY, DATASPACE_NOT_OWNER, DATASPACE_OUT_OF_RANGE, DataspaceClient } from "./dataspace-protocol";

export const PAGE: u32 = 4096;
const MAX_MANAGERS: i32 = 8;
/** The clients made so far and the slots they call. */
const clients = new Array<DataspaceClient>();
const slots = new Array<u32>();

/**
 * The bound client of the manager behind `slot`, made and bound on first use and kept (at most
 * MAX_MANAGERS managers per task); null when binding fails or the table is full. Its `result`
 * is shared by the task's threads: read it right after the call.
 */
export function dataspaceClient(slot: u32): DataspaceClient | null {
  for (let i = 0; i < clients.length; i++) if (slots[i] == slot) return clients[i];
  if (clients.length == MAX_MANAGERS) return null;
  const client = new DataspaceClient(slot);
  if (client.bind() != idl.STATUS_OK) return null;
  clients.push(client);
  slots.push(slot);
  return client;
}

/** A manager's policy: where its pages come from, and which ids exist and whose they are. */
export abstract class DataspaceManager {
  /** A new dataspace of `pages` zeroed pages owned by `owner`: its id, or 0 when out of ids or memory. */
  abstract open(pages: u32, owner: u32): u32;
  /** Its size in bytes, or 0 for no such dataspace. */
  abstract size(id: u32): u32;
  /** The badge of its owner (an existing dataspace). */
  abstract owner(id: u32): u32;
  /** The address in this task of the dataspace's page at `offset` (mapped by now), or 0. */
  abstract page(id: u32, offset: u32, write: bool): u32;
  /** Frees an existing dataspace: its pages are unmapped from every client and reused. */
  abstract close(id: u32): void;
  /** Hands an existing dataspace to `owner`. */
  abstract transfer(id: u32, owner: u32): void;
}

/** Serves `manager` on `endpoint`; returns only if the endpoint becomes unusable (its error). */
export function serveDataspaces(endpoint: u32, manager: DataspaceManager): u32 {
  return serveDataspace(endpoint, new ManagerService(manager));
}

/** The generated server's methods: checks, then the manager. */
class ManagerService extends DataspaceServer {
  private manager: DataspaceManager;

  constructor(manager: DataspaceManager) {
    super();
    this.manager = manager;
  }

  open(pages: u32): u32 {
    this.result = this.manager.open(pages, this.badge);
    return this.result == 0 ? DATASPACE_NO_MEMORY : idl.STATUS_OK;
  }

  map(id: u32, offset: u32, rights: u32): u32 {
    const refused = this.refusal(id);
    if (refused != idl.STATUS_OK) return refused;
    const at = offset & ~(PAGE - 1);
    if (at >= this.manager.size(id)) return DATASPACE_OUT_OF_RANGE;
    const page = this.manager.page(id, at, (rights & 2) != 0);
    if (page == 0) return DATASPACE_NO_MEMORY;
    this.item = idl.mapItem(page);
    this.result = fpage(page, PAGE_BITS, rights & RIGHTS_RW);
    return idl.STATUS_OK;
  }

  size(id: u32): u32 {
    const refused = this.refusal(id);
    if (refused == idl.STATUS_OK) this.result = this.manager.size(id);
    return refused;
  }

  close(id: u32): u32 {
    const refused = this.refusal(id);
    if (refused == idl.STATUS_OK) this.manager.close(id);
    return refused;
  }

  transfer(id: u32, owner: u32): u32 {
    const refused = this.refusal(id);
    if (refused == idl.STATUS_OK) this.manager.transfer(id, owner);
    return refused;
  }

  /** Why the caller may not use dataspace `id`, or OK. */
  private refusal(id: u32): u32 {
    if (this.manager.size(id) == 0) return DATASPACE_BAD_DATASPACE;
    return this.manager.owner(id) == this.badge ? idl.STATUS_OK : DATASPACE_NOT_OWNER;
  }
}
