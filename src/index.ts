// The public surface of number-lifecycle: every export is named here.

export { NumberEngine, throwing } from "./engine/engine.js";
export type { BatchRequest, ChargedBatchRequest, ThrowingEngine } from "./engine/engine.js";
export type { EngineDeps } from "./engine/context.js";
export type { CreateRequest } from "./engine/create.js";
export type { MoveToAccountRequest, ReleaseRequest } from "./engine/moves.js";
export type { GetRequest, Identity, UpdateRequest } from "./engine/read-update.js";
export type { SearchRequest } from "./engine/search.js";
export type { ListPage, ListRequest } from "./engine/listing.js";
export type { SweepReport } from "./engine/sweep.js";
export type { OrderSettlement, Reconciliation } from "./engine/carrier-orders.js";
export type { BatchOutcome } from "./engine/collections.js";
export { MAX_EVENT_PAGE } from "./engine/engine-events.js";
export type { EngineEvents } from "./engine/engine-events.js";
export type { EventHandler, SubscriberErrorHandler } from "./engine/event-bus.js";

export { createMemoryWorld, DEFAULT_WORLD_NOW } from "./compose/memory-world.js";
export type { MemoryWorld, MemoryWorldOptions } from "./compose/memory-world.js";
export { createSqliteWorld } from "./compose/sqlite-world.js";
export type { SqliteWorld, SqliteWorldOptions } from "./compose/sqlite-world.js";
export type { World, WorldSetup } from "./compose/world.js";

export { SYSTEM } from "./domain/accounts.js";
export type { Account } from "./domain/accounts.js";
export { NUMBER_STATES, isNumberState } from "./domain/states.js";
export type { NumberState } from "./domain/states.js";
export {
  LOCAL_CARRIER,
  listingEntry,
  makeRecord,
  mergePatch,
  publicView,
  recordFingerprint,
  toDocument,
} from "./domain/record.js";
export type { NumberRecord, PendingOrder, RecordInit } from "./domain/record.js";
export { ERROR_CATALOGUE, NumberLifecycleError, errorObject, unwrap } from "./domain/errors.js";
export type { ErrorObject, NumberError, NumberErrorReason, Result } from "./domain/errors.js";
export { DEFAULT_CONFIG, resolveConfig } from "./domain/config.js";
export type { EngineConfig } from "./domain/config.js";
export { isReconcilable, normalize, toE164 } from "./domain/normalization.js";
export { classify, prettyPrint, DEFAULT_CLASSIFIERS } from "./domain/classifiers.js";
export type { JsonObject, JsonValue } from "./domain/json.js";
export { GREGORIAN_UNIX_OFFSET } from "./domain/time.js";

export { lifecycleMachine, EVENT_TARGETS } from "./machine/lifecycle-machine.js";
export type { LifecycleEventType, StepName } from "./machine/lifecycle-machine.js";
export {
  TRANSITION_TABLE,
  decide,
  decideWith,
  deriveTransitionTable,
} from "./machine/transition-table.js";
export type { Decision, TransitionTable } from "./machine/transition-table.js";
export { GUARDS } from "./machine/guards.js";
export type { GuardName, TransitionFacts } from "./machine/guards.js";
export { portRequestMachine } from "./machine/port-request-machine.js";
export type {
  PortMoveEvent,
  PortRejectReason,
  PortStepName,
} from "./machine/port-request-machine.js";
export {
  PORT_TRANSITION_TABLE,
  decidePortMove,
  decidePortMoveWith,
  derivePortTable,
} from "./machine/port-request-table.js";
export type { PortDecision, PortTransitionTable } from "./machine/port-request-table.js";
export { PORT_GUARDS } from "./machine/port-request-guards.js";
export type { PortGuardName, PortMoveFacts } from "./machine/port-request-guards.js";
export { PORT_SETS, PORT_STATES, PORT_TARGETS, isPortState } from "./domain/port-states.js";
export type { PortState, PortTarget } from "./domain/port-states.js";

export { RevisionConflictError, singleWrite } from "./ports/repository.js";
export type {
  CommitBatch,
  EventPage,
  NumberRepository,
  NumberGuard,
  NumberWrite,
  PageRequest,
  StoredNumber,
} from "./ports/repository.js";
export type {
  NumberEvent,
  NumberEventDraft,
  NumberOperation,
  RecordPatch,
  StoredEvent,
} from "./domain/events.js";
export { isNumberEvent } from "./domain/events.js";
export type { PortRequestEvent, PortRequestEventType } from "./domain/port-request-events.js";
export type { PortRequestRecord, PortAttachment } from "./domain/port-request.js";
export type { PortFailure, PortResult } from "./domain/port-request-errors.js";
export { PortNumberConflictError } from "./ports/port-requests.js";
export type {
  PortRequestQuery,
  PortRequestRepository,
  PortRequestWrite,
  StoredPortRequest,
} from "./ports/port-requests.js";
export type { PortRequestService } from "./engine/port-requests/service.js";
export type { PortAsker } from "./engine/port-requests/access.js";
export type { PortMove } from "./engine/port-requests/moves.js";
export type { Awaitable } from "./ports/awaitable.js";
export type { AccountDirectory } from "./ports/accounts.js";
export type {
  AcquireResult,
  Carrier,
  CarrierOffer,
  CarrierSearch,
  CarrierSearchResult,
} from "./ports/carrier.js";
export type { CityLookup, Phonebook } from "./ports/phonebook.js";
export type { E911Outcome, E911Provider, E911Validation } from "./ports/e911.js";
export type { Clock } from "./ports/clock.js";
export type { TokenStore } from "./ports/tokens.js";

export {
  MEMORY_EVENT_CAPACITY,
  MemoryNumberRepository,
} from "./adapters/memory/memory-repository.js";
export type { MemoryRepositoryOptions } from "./adapters/memory/memory-repository.js";
export { MemoryAccountDirectory } from "./adapters/memory/memory-accounts.js";
export type { AccountSpec } from "./adapters/memory/memory-accounts.js";
export { ManualClock } from "./adapters/memory/manual-clock.js";
export { SystemClock } from "./adapters/system-clock.js";
export { MemoryTokenStore } from "./adapters/memory/memory-tokens.js";
export { openSqliteDatabase, StoreOpenError } from "./adapters/sqlite/sqlite-database.js";
export type { SqliteDatabase, SqliteOptions } from "./adapters/sqlite/sqlite-database.js";
export { SqliteNumberRepository } from "./adapters/sqlite/sqlite-repository.js";
export { SqliteAccountDirectory } from "./adapters/sqlite/sqlite-accounts.js";
export { SqliteTokenStore } from "./adapters/sqlite/sqlite-tokens.js";
export { LocalCarrier } from "./adapters/carriers/local.js";
export { ReservedCarrier } from "./adapters/carriers/reserved.js";
export { SimulatedCarrier } from "./adapters/carriers/simulated.js";
export type { InventoryEntry, SimulatedCarrierOptions } from "./adapters/carriers/simulated.js";
export { MemoryPhonebook } from "./adapters/providers/memory-phonebook.js";
export type { PhonebookData } from "./adapters/providers/memory-phonebook.js";
export { SimulatedE911 } from "./adapters/providers/simulated-e911.js";
export type { E911Rule } from "./adapters/providers/simulated-e911.js";
export { createPostgresWorld } from "./compose/postgres-world.js";
export type { PostgresWorld, PostgresWorldOptions } from "./compose/postgres-world.js";
export { openPostgresStore } from "./adapters/postgres/postgres-store.js";
export type { PostgresStore, PostgresStoreOptions } from "./adapters/postgres/postgres-store.js";
export { connectPostgres, PostgresConnectError, redactUrl } from "./adapters/postgres/connect.js";
export type { ConnectOptions, PostgresConnection } from "./adapters/postgres/connect.js";
export { PostgresNumberRepository } from "./adapters/postgres/postgres-repository.js";
export {
  PostgresAccountDirectory,
  PostgresTokenStore,
} from "./adapters/postgres/postgres-directory.js";
export { PostgresStoreError } from "./adapters/postgres/driver.js";
export type {
  PgClient,
  PgPool,
  PgQuery,
  PgQueryable,
  PgResult,
} from "./adapters/postgres/driver.js";
export { FaultPlan } from "./adapters/fault-plan.js";
export type { Fault, FaultPort } from "./adapters/fault-plan.js";
export { ManagedCarrier } from "./adapters/carriers/managed.js";
export type { FoundRecords } from "./adapters/carriers/managed.js";
export { MemoryManagedPool } from "./adapters/carriers/managed-pool.js";
export type { ManagedPoolStore, PoolEntry } from "./adapters/carriers/managed-pool.js";
export { OtherCarrier } from "./adapters/carriers/other.js";
export type {
  OtherCarrierOptions,
  PhonebookClient,
  PhonebookReply,
} from "./adapters/carriers/other.js";
export { MdnCarrier } from "./adapters/carriers/mdn.js";

export { runScenarios } from "./conformance/run-scenarios.js";
export type { RunOptions, RunReport, ScenarioOutcome } from "./conformance/run-scenarios.js";
export { ScenarioFormatError } from "./conformance/format-checks.js";

export { simulate } from "./simulation/simulate.js";
export type {
  DayProgress,
  EdgeCount,
  SimulationOptions,
  SimulationSummary,
} from "./simulation/simulate.js";
export { DEFAULT_PROFILE, FLOW_NAMES, parseProfile } from "./simulation/profile.js";
export type { FlowName, PortRequestMix, SimulationProfile } from "./simulation/profile.js";
export { replay } from "./simulation/replay.js";
export type { Divergence, ReplayOptions, ReplayResult } from "./simulation/replay.js";
export type { TraceHeader, TraceStep } from "./simulation/trace-format.js";
export type { SimAnswer, SimRequest } from "./simulation/requests.js";
export { formatSummary } from "./simulation/summary-text.js";
export { renderReport } from "./simulation/report.js";
export { machineEdges, reachableEdges } from "./simulation/edges.js";
export type { MachineEdge } from "./simulation/edges.js";
export { portMachineEdges, reachablePortEdges } from "./simulation/port-edges.js";
export type { PortMachineEdge } from "./simulation/port-edges.js";
export type { PortTally } from "./simulation/port-model.js";
export type { SimulationStore } from "./simulation/world.js";
export { InputFileError } from "./simulation/input-error.js";

export { createApiHandler } from "./http/handler.js";
export type { ApiHandlerOptions } from "./http/handler.js";
export { createHonoApp } from "./http/hono-app.js";
export type { HonoAppOptions } from "./http/hono-app.js";
export { answerParseErrorsInOrder } from "./http/parse-errors.js";
export type { ApiHandler, ApiRequest, ApiResponse } from "./http/types.js";
