/**
 * Mutation study (issue 11 item 7): applies one deliberate bug at a time to a copy of the
 * project, runs the tests of the bug's layer (never the conformance corpus) and reports which
 * test files fail. A mutant no layer test catches is listed as SURVIVED.
 *
 * Usage: tsx scripts/mutants.ts [id ...]   (ids from the table below; none means all)
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Mutant {
  readonly id: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** The layer's test folders. */
  readonly tests: readonly string[];
  readonly what: string;
}

const DOMAIN = ["test/unit/domain", "test/properties"];
const MACHINE = ["test/machine", "test/unit/engine"];
const ENGINE = ["test/unit/engine", "test/features", "test/faults"];
const HTTP = ["test/http"];
const ADAPTERS = ["test/contracts"];

const MUTANTS: readonly Mutant[] = [
  {
    id: "auth-authorize-direction",
    file: "src/domain/authorization.ts",
    from: "isSystem(f) || isSelfOrAncestor(f.accounts, f.requester, f.target)",
    to: "isSystem(f) || isSelfOrAncestor(f.accounts, f.target, f.requester)",
    tests: DOMAIN,
    what: "AUTHORIZE accepts descendants of the target instead of ancestors",
  },
  {
    id: "auth-release-no-admin",
    file: "src/domain/authorization.ts",
    from: "return isSystem(f) || isAdmin(f) || isSelfOrAncestor(f.accounts, f.requester, f.owner);",
    to: "return isSystem(f) || isSelfOrAncestor(f.accounts, f.requester, f.owner);",
    tests: DOMAIN,
    what: "the admin may no longer release",
  },
  {
    id: "auth-hard-delete-anyone",
    file: "src/domain/authorization.ts",
    from: "return f.requester === SYSTEM || isSuperduperAdmin(f.accounts, f.requester);",
    to: "return f.requester !== '';",
    tests: DOMAIN,
    what: "any account may hard-delete",
  },
  {
    id: "auth-additions-reseller",
    file: "src/domain/authorization.ts",
    from: "(account.superduperAdmin || account.allowAdditions)",
    to: "(account.superduperAdmin || account.reseller)",
    tests: DOMAIN,
    what: "resellers add numbers without pvt_wnm_allow_additions",
  },
  {
    id: "auth-identify-owner-only",
    file: "src/domain/authorization.ts",
    from: "    isSelfOrAncestor(f.accounts, f.requester, f.owner)\n  );\n}\n\n/** Request gate",
    to: "    f.requester === f.owner\n  );\n}\n\n/** Request gate",
    tests: DOMAIN,
    what: "identify no longer answers the owner's ancestors",
  },
  {
    id: "auth-gate-direction",
    file: "src/domain/authorization.ts",
    from: "isSuperduperAdmin(accounts, requester) || isSelfOrAncestor(accounts, requester, urlAccount)",
    to: "isSuperduperAdmin(accounts, requester) || isSelfOrAncestor(accounts, urlAccount, requester)",
    tests: DOMAIN,
    what: "the account gate lets descendants act on their ancestors",
  },
  {
    id: "auth-read-check-pool",
    file: "src/domain/authorization.ts",
    from: 'if (f.state === "available") return true;',
    to: 'if (f.state === "available" || f.state === "reserved") return true;',
    tests: DOMAIN,
    what: "anyone reads reserved numbers",
  },
  {
    id: "norm-nine-nanp-digits",
    file: "src/domain/normalization.ts",
    from: '"^\\\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$": { prefix: "+1" },',
    to: '"^\\\\+?1?([2-9][0-9]{2}[2-9][0-9]{5,6})$": { prefix: "+1" },',
    tests: DOMAIN,
    what: "the NANP converter accepts nine digits",
  },
  {
    id: "norm-first-group",
    file: "src/domain/normalization.ts",
    from: "for (let i = match.length - 1; i >= 1; i--) {",
    to: "for (let i = 1; i < match.length; i++) {",
    tests: DOMAIN,
    what: "the first participating group is used instead of the last",
  },
  {
    id: "norm-reconcile-shorter",
    file: "src/domain/normalization.ts",
    from: "|^\\\\+[2-9]\\\\d{7,}$|^011",
    to: "|^\\\\+[2-9]\\\\d{6,}$|^011",
    tests: DOMAIN,
    what: "seven-digit international numbers become reconcilable",
  },
  {
    id: "hold-expiry-late",
    file: "src/domain/holds.ts",
    from: "now >= holdExpires",
    to: "now > holdExpires",
    tests: DOMAIN,
    what: "a hold expires one second late",
  },
  {
    id: "guard-target-is-owner",
    file: "src/machine/guards.ts",
    from: "targetIsOwner: (f: TransitionFacts) => Boolean(f.target) && f.target === f.owner,",
    to: "targetIsOwner: (f: TransitionFacts) => f.target === f.owner,",
    tests: MACHINE,
    what: "an operation without a target counts as the owner's",
  },
  {
    id: "guard-history-remains",
    file: "src/machine/guards.ts",
    from: "unwoundHistory(f.reserveHistory, f.owner).length > 0,",
    to: "unwoundHistory(f.reserveHistory, f.owner).length > 1,",
    tests: MACHINE,
    what: "a release with one earlier reserver left does not hand the number back to it",
  },
  {
    id: "guard-mdn",
    file: "src/machine/guards.ts",
    from: 'isMdn: (f: TransitionFacts) => f.carrier === "mdn",',
    to: "isMdn: (f: TransitionFacts) => false,",
    tests: MACHINE,
    what: "MDN numbers may leave in_service",
  },
  {
    id: "machine-reserve-no-hold",
    file: "src/machine/lifecycle-machine.ts",
    from: 'available: {\n      on: {\n        reserve: [\n          mdnRefused("reserved"),\n          unauthorized,\n          { target: "reserved", actions: ["pushHistory", move("reserved"), "hold", "save"] },',
    to: 'available: {\n      on: {\n        reserve: [\n          mdnRefused("reserved"),\n          unauthorized,\n          { target: "reserved", actions: ["pushHistory", move("reserved"), "save"] },',
    tests: MACHINE,
    what: "reserving an available number sets no hold",
  },
  {
    id: "machine-released-order",
    file: "src/machine/lifecycle-machine.ts",
    from: '      "disconnect",\n      "runDeleteHooks",\n      "strip",\n      "unwindHistory",\n      setState("released"),',
    to: '      "runDeleteHooks",\n      "strip",\n      "unwindHistory",\n      setState("released"),\n      "disconnect",',
    tests: MACHINE,
    what: "release to released runs the delete hooks before the carrier disconnect",
  },
  {
    id: "engine-update-dry-run-writes",
    file: "src/engine/read-update.ts",
    from: "return request.dryRun === true\n      ? ok(draft)\n      : persist(",
    to: "return false\n      ? ok(draft)\n      : persist(",
    tests: ENGINE,
    what: "an update dry run writes the record",
  },
  {
    id: "engine-save-before-acquire",
    file: "src/engine/transition.ts",
    from: "  for (const step of decision.steps) {\n",
    to:
      "  for (const step of decision.steps) {\n" +
      '    if (step.name === "acquire" && !dryRun && stored !== undefined)\n' +
      "      await persist(ctx, stored, { ...record, state: draft.state, assignedTo: draft.assignedTo }, change(request));\n",
    tests: ENGINE,
    what: "the record is written before the carrier acquire",
  },
  {
    id: "engine-pending-order-ignored",
    file: "src/engine/transition.ts",
    from: "  if (record.pendingOrder !== undefined)\n    return fail(",
    to: "  if (false)\n    return fail(",
    tests: ENGINE,
    what: "a number with an unsettled carrier order can move again",
  },
  {
    id: "engine-dry-pass-skipped",
    file: "src/engine/collections.ts",
    from: "  if (chargesAccepted) return real();",
    to: "  if (chargesAccepted || numbers.length > 0) return real();",
    tests: ENGINE,
    what: "bulk create and activate skip the dry pass (torn collections)",
  },
  {
    id: "engine-commit-failure-partial",
    file: "src/engine/collections.ts",
    from: "        for (const number of wrote.keys()) outcomes.set(number, { ok: false, error });",
    to: "        for (const number of [...wrote.keys()].slice(1)) outcomes.set(number, { ok: false, error });",
    tests: ENGINE,
    what: "a failed collection commit reports the first written number as a success",
  },
  {
    id: "engine-sweep-expiry-early",
    file: "src/engine/sweep.ts",
    from: "modified + days * SECONDS_PER_DAY < now;",
    to: "modified + days * SECONDS_PER_DAY <= now;",
    tests: ENGINE,
    what: "the sweep purges and ages out on the boundary second",
  },
  {
    id: "engine-retry-once",
    file: "src/engine/retry.ts",
    from: "attempts = 3,",
    to: "attempts = 1,",
    tests: ENGINE,
    what: "a lost write race is not decided again",
  },
  {
    id: "http-check-anonymous",
    file: "src/http/routes.ts",
    from: '    summary: "Check whether numbers can still be bought",\n    auth: "required",',
    to: '    summary: "Check whether numbers can still be bought",\n    auth: "optional",',
    tests: HTTP,
    what: "anonymous POST …/check is answered",
  },
  {
    id: "http-no-account-gate",
    file: "src/http/handler.ts",
    from: "if (!(await engine.mayActOnAccount(requester, account))) return FORBIDDEN;",
    to: "await engine.mayActOnAccount(requester, account);",
    tests: HTTP,
    what: "the 403 account gate is skipped",
  },
  {
    id: "http-data-not-object",
    file: "src/http/request-body.ts",
    from: "if (data !== undefined && !isJsonObject(data)) {",
    to: "if (data === null) {",
    tests: HTTP,
    what: "a body whose data is not an object is accepted",
  },
  {
    id: "http-depth-unchecked",
    file: "src/http/request-body.ts",
    from: "if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {",
    to: "if (nestsDeeperThan(parsed, Infinity)) {",
    tests: HTTP,
    what: "bodies of any depth are accepted",
  },
  {
    id: "http-405-as-404",
    file: "src/http/router.ts",
    from: "      if (route !== undefined) return { ok: true, match: { route, params } };",
    to: "      if (route !== undefined) return { ok: true, match: { route, params } };\n      continue;",
    tests: HTTP,
    what: "a known path with another method answers 404 instead of 405",
  },
  {
    id: "http-keep-500",
    file: "src/http/idempotency.ts",
    from: "answer.status >= 500\n        ? undefined",
    to: "answer.status > 500\n        ? undefined",
    tests: HTTP,
    what: "a 500 answer is kept for its idempotency key",
  },
  {
    id: "http-cancel-oversized",
    file: "src/http/hono-app.ts",
    from: "    if (total > drain) {",
    to: "    if (total > limit) {",
    tests: HTTP,
    what: "an oversized body is not drained (the connection closes after a 413)",
  },
  {
    id: "repo-no-revision-check",
    file: "src/adapters/memory/memory-repository.ts",
    from: "    if (stale.length > 0) return Promise.reject(new RevisionConflictError(stale));",
    to: "    if (stale.length > 1) return Promise.reject(new RevisionConflictError(stale));",
    tests: ADAPTERS,
    what: "the memory repository overwrites a record changed since it was read",
  },
];

/** The test files vitest's JSON report lists as failed. */
function failedFiles(report: string): string[] {
  const parsed = JSON.parse(report) as {
    testResults: { name: string; status: string }[];
  };
  return parsed.testResults
    .filter((r) => r.status !== "passed")
    .map((r) => r.name.replace(/^.*?\/test\//, "test/"));
}

function main(): void {
  const root = process.cwd();
  const wanted = new Set(process.argv.slice(2));
  const chosen = MUTANTS.filter((m) => wanted.size === 0 || wanted.has(m.id));
  for (const mutant of MUTANTS) {
    const count = readFileSync(join(root, mutant.file), "utf8").split(mutant.from).length - 1;
    if (count !== 1) throw new Error(`${mutant.id}: its text occurs ${count} times, not once`);
  }
  const copy = mkdtempSync(join(tmpdir(), "mutants-"));
  try {
    const skipped = new Set(["node_modules", ".git", "dist", "scratch", "coverage"]);
    cpSync(root, copy, {
      recursive: true,
      filter: (source) => !skipped.has(source.slice(root.length + 1).split("/")[0] ?? ""),
    });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const run = (tests: readonly string[]): string[] => {
      const out = join(copy, "report.json");
      spawnSync("npx", ["vitest", "run", ...tests, "--reporter=json", `--outputFile=${out}`], {
        cwd: copy,
        stdio: "ignore",
      });
      return failedFiles(readFileSync(out, "utf8"));
    };
    for (const tests of new Set(chosen.map((m) => m.tests))) {
      const failing = run(tests);
      if (failing.length > 0) throw new Error(`unmutated, these fail: ${failing.join(", ")}`);
    }
    const rows: string[] = [];
    for (const mutant of chosen) {
      const path = join(copy, mutant.file);
      const original = readFileSync(path, "utf8");
      writeFileSync(path, original.replace(mutant.from, mutant.to));
      const started = Date.now();
      const failed = run(mutant.tests);
      writeFileSync(path, original);
      const verdict = failed.length > 0 ? "caught" : "SURVIVED";
      const line = `| ${mutant.id} | ${mutant.what} | ${verdict} | ${failed.join(", ")} |`;
      rows.push(line);
      process.stdout.write(`${line}  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
    const survived = rows.filter((r) => r.includes("SURVIVED")).length;
    process.stdout.write(
      `mutants ${rows.length}, caught ${rows.length - survived}, survived ${survived}\n`,
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

main();
