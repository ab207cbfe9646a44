import { createHash } from "node:crypto";
import { findPortAuthority } from "../domain/accounts.js";
import type { PortRequestRecord } from "../domain/port-request.js";
import type { PortState } from "../domain/port-states.js";
import type { Account } from "../domain/accounts.js";
import type { World } from "../compose/world.js";
import type { ScenarioPortRequest } from "./scenario.js";

/** Deterministic 32-hex port request ids for a scenario (a counter, hashed), so runs repeat exactly. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => createHash("md5").update(`port-request-${++next}`).digest("hex");
}

/** Writes `given.port_requests` as they are (C14: missing lists stored empty), emitting nothing. */
export async function seedPortRequests(
  world: World,
  accountIds: readonly string[],
  requests: readonly ScenarioPortRequest[],
): Promise<void> {
  if (requests.length === 0) return;
  const accounts = new Map<string, Account>();
  for (const id of accountIds) {
    const account = await world.accounts.get(id);
    if (account !== undefined) accounts.set(id, account);
  }
  const lookup = (id: string) => accounts.get(id);
  const now = world.clock.now();
  const records = requests.map((r): PortRequestRecord => {
    const account = lookup(r.account);
    const authority = r.port_authority ?? findPortAuthority(lookup, r.account);
    const accountName = account?.name;
    const authorityName = lookup(authority)?.name;
    return {
      id: r.id,
      account: r.account,
      ...(accountName === undefined ? {} : { accountName }),
      tree: [...(account?.tree ?? [])],
      // The validator has checked the state against PORT_STATES.
      state: r.state as PortState,
      portAuthority: authority,
      ...(authorityName === undefined ? {} : { portAuthorityName: authorityName }),
      name: r.name,
      numbers: { ...r.numbers },
      ...(r.ported_numbers === undefined ? {} : { portedNumbers: { ...r.ported_numbers } }),
      comments: [...(r.comments ?? [])],
      public: { ...(r.public ?? {}) },
      transitions: [...(r.transitions ?? [])],
      attachments: {},
      created: r.created ?? now,
      modified: r.modified ?? now,
    };
  });
  await world.repository.commit({
    writes: [],
    portRequests: records.map((record) => ({ id: record.id, record, expected: null, events: [] })),
  });
}
