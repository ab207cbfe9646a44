/** Maps API credentials to accounts. */
export interface TokenStore {
  /** The account an `X-Auth-Token` authenticates, or undefined. */
  accountFor(token: string): Promise<string | undefined>;
}
