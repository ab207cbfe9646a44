// Contract suites for adapters of the ports: each returns cases any test runner can run.
export type { ContractCase, SkipReasons } from "./contract-case.js";
export { accountDirectoryContract } from "./accounts-contract.js";
export type {
  AccountDirectoryCase,
  AccountDirectoryFixture,
  AccountDirectorySubject,
} from "./accounts-contract.js";
export { carrierContract } from "./carrier-contract.js";
export type {
  CarrierCase,
  CarrierFixture,
  CarrierSubject,
  SearchContext,
} from "./carrier-contract.js";
export { e911Contract } from "./e911-contract.js";
export type { E911Case, E911Fixture, E911Subject } from "./e911-contract.js";
export { phonebookContract } from "./phonebook-contract.js";
export type { PhonebookCase, PhonebookFixture, PhonebookSubject } from "./phonebook-contract.js";
export { repositoryContract } from "./repository-contract.js";
export { tokenStoreContract } from "./tokens-contract.js";
export type { TokenStoreCase, TokenStoreFixture, TokenStoreSubject } from "./tokens-contract.js";
export type { RepositoryCase, RepositoryContractOptions } from "./repository-contract.js";
export type { RepositoryFactory } from "./repository-writes.js";
export { deleteRecord, putRecord } from "./repository-fixtures.js";
export { portRequestContract } from "./port-request-contract.js";
export type { PortRequestCase } from "./port-request-contract.js";
export { aPortRequest } from "./port-request-fixtures.js";
export type { PortRequestStore, PortRequestStoreFactory } from "./port-request-fixtures.js";
