/** What every operation of the app needs: the database, the review chain and the deployment's settings. */
import type { Database } from "../store/sql.ts";
import type { Chain } from "../workflow/chain.ts";

export interface AppContext {
  readonly db: Database;
  readonly chain: Chain;
  /** A catalog folder other than the built-in one and ~/.gongkai/catalogs (tests). */
  readonly catalogRoot?: string;
  readonly now: () => Date;
}

/** A refusal the user should read: shown as is, with the HTTP status the server answers with. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 = 400,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The deployment setting: a change of at least this many percent of the prior figure needs a reason. */
export const YOY_THRESHOLD_KEY = "yoyThresholdPercent";
export const DEFAULT_YOY_THRESHOLD = 10;
