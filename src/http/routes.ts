import {
  activateCollection,
  createCollection,
  releaseCollection,
  updateCollection,
} from "./collection-operations.js";
import { fixNumbers, globalSearch, listNumbers } from "./listing-operations.js";
import {
  checkNumbers,
  cityPrefixes,
  classifyNumber,
  listClassifiers,
  localityOf,
} from "./lookup-operations.js";
import {
  activateNumber,
  createNumber,
  identifyNumber,
  readNumber,
  releaseNumber,
  reserveNumber,
  updateNumber,
} from "./number-operations.js";
import { PORT_REQUEST_ROUTES } from "./port-request-routes.js";
import type { Route } from "./route-context.js";

const ACCOUNT = "/v2/accounts/{account_id}/phone_numbers";
const NUMBER = `${ACCOUNT}/{phone_number}`;

/**
 * Every endpoint of the phone_numbers API (collections.md §1), the single source of truth for
 * routing and for docs/openapi.json. Literal segments win over `{phone_number}`.
 */
export const ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/v2/phone_numbers",
    name: "searchNumbers",
    summary: "Search numbers to buy (no credentials needed)",
    auth: "optional",
    run: globalSearch,
  },
  {
    method: "GET",
    path: "/v2/phone_numbers/prefix",
    name: "globalCityPrefixes",
    summary: "Prefixes of a US city (no credentials needed)",
    auth: "optional",
    run: cityPrefixes,
  },
  {
    method: "GET",
    path: ACCOUNT,
    name: "listNumbers",
    summary: "List the account's numbers, or search with `prefix`",
    auth: "required",
    run: listNumbers,
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/collection`,
    name: "createNumbers",
    summary: "Add a list of numbers",
    auth: "required",
    run: createCollection,
  },
  {
    method: "POST",
    path: `${ACCOUNT}/collection`,
    name: "updateNumbers",
    summary: "Update public fields of a list of numbers",
    auth: "required",
    run: updateCollection,
  },
  {
    method: "DELETE",
    path: `${ACCOUNT}/collection`,
    name: "releaseNumbers",
    summary: "Release a list of numbers (`hard=true`: delete, admin only)",
    auth: "required",
    run: releaseCollection,
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/collection/activate`,
    name: "activateNumbers",
    summary: "Buy a list of numbers",
    auth: "required",
    run: activateCollection,
  },
  {
    method: "POST",
    path: `${ACCOUNT}/fix`,
    name: "fixNumbers",
    summary: "Fix issues, then list the account's numbers",
    auth: "required",
    run: fixNumbers,
  },
  {
    method: "POST",
    path: `${ACCOUNT}/check`,
    name: "checkNumbers",
    summary: "Check whether numbers can still be bought",
    auth: "required",
    run: checkNumbers,
  },
  {
    method: "POST",
    path: `${ACCOUNT}/locality`,
    name: "numberLocality",
    summary: "Locality of a list of numbers",
    auth: "required",
    run: localityOf,
  },
  {
    method: "GET",
    path: `${ACCOUNT}/prefix`,
    name: "cityPrefixes",
    summary: "Prefixes of a US city",
    auth: "required",
    run: cityPrefixes,
  },
  {
    method: "GET",
    path: `${ACCOUNT}/classifiers`,
    name: "listClassifiers",
    summary: "List classifiers",
    auth: "required",
    run: listClassifiers,
  },
  {
    method: "GET",
    path: `${ACCOUNT}/classifiers/{phone_number}`,
    name: "classifyNumber",
    summary: "Classify a number",
    auth: "required",
    run: classifyNumber,
  },
  {
    method: "GET",
    path: NUMBER,
    name: "getNumber",
    summary: "Read a number",
    auth: "required",
    run: readNumber,
  },
  {
    method: "PUT",
    path: NUMBER,
    name: "createNumber",
    summary: "Add a number",
    auth: "required",
    run: createNumber,
  },
  {
    method: "POST",
    path: NUMBER,
    name: "updateNumber",
    summary: "Update public fields of a number",
    auth: "required",
    run: updateNumber,
  },
  {
    method: "DELETE",
    path: NUMBER,
    name: "releaseNumber",
    summary: "Release a number (`hard=true`: delete, admin only)",
    auth: "required",
    run: releaseNumber,
  },
  {
    method: "PUT",
    path: `${NUMBER}/reserve`,
    name: "reserveNumber",
    summary: "Reserve a number",
    auth: "required",
    run: reserveNumber,
  },
  {
    method: "PUT",
    path: `${NUMBER}/activate`,
    name: "activateNumber",
    summary: "Buy a number once searched for",
    auth: "required",
    run: activateNumber,
  },
  {
    method: "GET",
    path: `${NUMBER}/identify`,
    name: "identifyNumber",
    summary: "Which account holds a number",
    auth: "required",
    run: identifyNumber,
  },
  ...PORT_REQUEST_ROUTES,
];
