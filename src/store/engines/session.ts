/**
 * What both engines share about transactions: the transaction object handed to `work` (nested calls are
 * savepoints), and the guard that refuses the outer database inside its own transaction.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Sql, SqlValue } from "../sql.ts";
import { toParams } from "./values.ts";

/** One connection inside a transaction, as an engine gives it: parameters already converted to text. */
export interface Runner {
  query(text: string, params: (string | null)[]): Promise<object[]>;
  exec(script: string): Promise<void>;
}

interface Frame {
  readonly owner: object;
  active: boolean;
  readonly parent: Frame | undefined;
}

const frames = new AsyncLocalStorage<Frame>();

/**
 * Throws when called from inside a transaction of `owner`: the caller used the database instead of `tx`.
 * On PGlite that query would wait for the transaction to end, which waits for the query: a deadlock.
 */
export function refuseInsideTransaction(owner: object): void {
  for (let frame = frames.getStore(); frame; frame = frame.parent) {
    if (frame.active && frame.owner === owner) {
      throw new Error("在事务中请通过事务对象（tx）执行查询，不要使用外层的数据库对象：否则这条语句不在事务之内，内置数据库上还会一直等待（死锁）");
    }
  }
}

/** Runs `work` as a transaction of `owner` (for refuseInsideTransaction). */
export async function inTransactionOf<T>(owner: object, work: () => Promise<T>): Promise<T> {
  const frame: Frame = { owner, active: true, parent: frames.getStore() };
  try {
    return await frames.run(frame, work);
  } finally {
    frame.active = false;
  }
}

/** The `tx` of one top-level transaction; `end()` makes later use of it an error. */
export class TransactionSql implements Sql {
  #ended = false;
  #savepoints = 0;

  constructor(private readonly runner: Runner) {}

  end(): void {
    this.#ended = true;
  }

  #check(): void {
    if (this.#ended) throw new Error("事务已经结束，不能再通过它执行语句（是否在事务外保存并使用了 tx？）");
  }

  async query<Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<Row[]> {
    this.#check();
    return (await this.runner.query(text, toParams(params))) as Row[];
  }

  async exec(script: string): Promise<void> {
    this.#check();
    await this.runner.exec(script);
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.#check();
    const savepoint = `gongkai_savepoint_${++this.#savepoints}`;
    await this.runner.exec(`SAVEPOINT ${savepoint}`);
    let result: T;
    try {
      result = await work(this);
    } catch (error) {
      if (!this.#ended) {
        try {
          await this.runner.exec(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
        } catch {
          // The connection is gone or the transaction already failed: the outer transaction rolls back.
        }
      }
      throw error;
    }
    await this.runner.exec(`RELEASE SAVEPOINT ${savepoint}`);
    return result;
  }
}
