import { afterEach, describe, it } from "vitest";
import { createWorldOn, type ClosableWorld } from "../../../src/compose/stores.js";
import { STANDARD_TREE } from "../../support/accounts.js";
import { buyWinsOverSubmit, submitWinsOverBuy } from "../../support/port-number-race.js";

describe.each(["memory", "sqlite"] as const)(
  "a submit racing a buy of its number (%s)",
  (store) => {
    let world: ClosableWorld | undefined;
    afterEach(async () => {
      await world?.close();
      world = undefined;
    });

    it("a buy that commits after the submit's checks read makes the submit fail: the number stays with the buyer", async () => {
      world = await createWorldOn(store, { accounts: STANDARD_TREE });
      await buyWinsOverSubmit(world);
    });

    it("a submit that commits after the buy's porting check read makes the buy fail with number_is_porting", async () => {
      world = await createWorldOn(store, { accounts: STANDARD_TREE });
      await submitWinsOverBuy(world);
    });
  },
);
