import {
  carrierContract as carrierContractCases,
  type CarrierSubject,
} from "../../src/testing/index.js";
import { registerCases } from "./register-cases.js";

/** Runs the shipped carrier contract (src/testing) over a carrier module, as vitest tests. */
export function carrierContract(subject: CarrierSubject): void {
  registerCases(carrierContractCases(subject));
}
