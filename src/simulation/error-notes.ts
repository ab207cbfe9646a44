/**
 * What causes the errors a default run is expected to meet, by operation and name: the
 * simulator acts on what the events told it, and some of that is out of date by the time it
 * acts (docs/simulation.md "Errors a run meets").
 */
const NOTES: Readonly<Record<string, string>> = {
  "reserve by_carrier":
    "a reseller handed a reserved number bought upstream to another account: states.md E3 " +
    "asks the carrier to acquire it again and the simulated carrier has already sold it " +
    "(spec behaviour, kept)",
  "reserve invalid_state_transition":
    "the holder's hold had run out: this request expired it first (see its events), and a " +
    "number that is ageing cannot be reserved again",
  "release unauthorized":
    "the number was no longer the requester's: its hold ran out and expired on this touch, " +
    "or another journey released it first",
  "activate unauthorized": "the number went to another account before the buyer acted",
  "activate missing_provider_url":
    "the number had no record any more (deleted for good) when the buyer bought it: nobody offers it",
};

/** The note on an error the simulator is expected to meet, if there is one. */
export function errorNote(operation: string, reason: string): string | undefined {
  return NOTES[`${operation} ${reason}`];
}
