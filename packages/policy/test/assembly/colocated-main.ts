// The policy test's colocated task: the policy server (a PolicyTable), a PolicyCache and the
// admin in one address space (the library staged colocated). Every policy call is a direct
// call, and the cache's version word is the table's own: bind maps nothing (colocated, the
// flexpage it gets back is the table's page), so were the cache to read its default window it
// would fault outside the task's memory and the run would end without the report.
// Colocated callers carry no badge (0), so the table's admin badge is 0: every part of the task
// may change the policy — the placement for parts that trust each other anyway.
import {
  debugExit,
  debugPrint,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { PolicyClient, servePolicy } from "./policy";
import { PolicyCache } from "./policy-cache";
import { PolicyTable } from "./policy-table";

const POLICY_SLOT: u32 = 1;
const SUBJECT: u32 = 5;
const OBJECT: u32 = 7;
const READ: u32 = 1;
const EXIT_COLOCATED: u32 = 0x52;

const cache = new PolicyCache(POLICY_SLOT);

function allowed(): bool {
  return cache.allowed(SUBJECT, OBJECT, READ);
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  expect(servePolicy(POLICY_SLOT, new PolicyTable(0)) == 0, "register the table");
  const admin = new PolicyClient(POLICY_SLOT);
  expect(cache.bind() == 0 && admin.bind() == 0, "bind");
  expect(!allowed() && !allowed() && cache.policyCalls == 1, "denied before grant, the second a hit");
  expect(admin.grant(SUBJECT, OBJECT, READ) == 0, "grant");
  for (let i = 0; i < 5; i++) expect(allowed(), "allowed after grant");
  const afterGrant = cache.policyCalls;
  expect(admin.revoke(SUBJECT, OBJECT, READ) == 0, "revoke");
  expect(!allowed(), "denied right after revoke");
  const afterRevoke = cache.policyCalls;
  expect(admin.revoke(SUBJECT, OBJECT, READ) == 0, "revoke again");
  expect(!allowed() && cache.policyCalls == afterRevoke, "a no-op revoke keeps the cache");
  expect(admin.version() == 0 && admin.result == cache.version, "the cache reads the table's version");
  debugPrint("[colocated] policy calls after grant and 5 reads ");
  printNumber(afterGrant);
  debugPrint(", after revoke and a read ");
  printNumber(afterRevoke);
  debugPrint(", version ");
  printNumber(cache.version);
  debugPrint("\n");
  debugExit(EXIT_COLOCATED);
  return 0;
}
