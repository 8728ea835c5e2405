// Engine conformance: the same SQL gives the same JavaScript values, transactions and errors on PGlite and
// PostgreSQL. The tables come from the fixture migrations, not the application's.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { SqlError, type Database } from "../../src/store/sql.ts";
import { forEachEngine } from "../support/engines.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const MAX = Number.MAX_SAFE_INTEGER;

forEachEngine(
  "engine conformance",
  (open) => {
    let db: Database;
    before(async () => {
      db = await open();
    });
    after(async () => {
      await db.close();
    });

    const balances = async () =>
      Object.fromEntries((await db.query<{ name: string; balance: number }>("SELECT name, balance FROM accounts ORDER BY name")).map((r) => [r.name, r.balance]));
    const reset = async (rows: Record<string, number>) => {
      await db.exec("DELETE FROM accounts");
      for (const [name, balance] of Object.entries(rows)) await db.query("INSERT INTO accounts VALUES ($1, $2)", [name, balance]);
    };

    it("round-trips each column type to the same JavaScript value", async () => {
      const at = new Date("2024-03-01T08:09:10.123Z");
      const doc = { 单位: "汉中市政务服务中心", amounts: [1, 2.5, -3], nested: { ok: true, none: null } };
      const [row] = await db.query(
        `INSERT INTO value_types (amount, small, ratio, exact, label, flag, doc, at, day, bytes, tags, amounts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                 ARRAY(SELECT jsonb_array_elements_text($11::jsonb)), ARRAY(SELECT jsonb_array_elements_text($12::jsonb)::bigint))
         RETURNING amount, small, ratio, exact, label, flag, doc, at, day, bytes, tags, amounts, id`,
        [123_456_789_012_345, 7, 0.25, "12345.67", "表1 <script>'\"", true, doc, at, "2024-03-01", new Uint8Array([0, 1, 127, 255]), ["a", "b,c", 'q"u'], [MAX, -5]],
      );
      assert.ok(row);
      assert.equal(typeof row.id, "number");
      const { id: _id, bytes, ...rest } = row;
      assert.deepEqual(rest, {
        amount: 123_456_789_012_345,
        small: 7,
        ratio: 0.25,
        exact: "12345.67",
        label: "表1 <script>'\"",
        flag: true,
        doc,
        at,
        day: "2024-03-01",
        tags: ["a", "b,c", 'q"u'],
        amounts: [MAX, -5],
      });
      assert.ok(Buffer.isBuffer(bytes) && bytes instanceof Uint8Array, "bytea is a Buffer");
      assert.deepEqual([...(bytes as Buffer)], [0, 1, 127, 255]);
      assert.ok(row.at instanceof Date);
    });

    it("gives aggregates, NULLs and computed values the same types", async () => {
      const [row] = await db.query(
        `SELECT count(*) AS n, sum(x) AS total, sum(x)::bigint AS fen, avg(x) AS mean, NULL::bigint AS nothing,
                now() AS now, '2024-01-02 03:04:05.678+08'::timestamptz AS shanghai, '1.10'::numeric AS exact,
                ARRAY[1.5, 2]::numeric[] AS exacts, '{"k": [1, "二"]}'::json AS plain, 'a'::varchar AS v, 2::smallint AS s,
                '0e6dc3d6-08a4-4b83-9ca1-5b0a4f4a6b35'::uuid AS uuid, '1 day'::interval AS span, now()::date = current_date AS today
           FROM (VALUES (1::bigint), (2), (3)) AS t(x)`,
      );
      assert.ok(row);
      assert.ok(row.now instanceof Date && Math.abs(row.now.getTime() - Date.now()) < 60_000);
      const { now: _now, ...rest } = row;
      assert.deepEqual(rest, {
        n: 3,
        total: "6",
        fen: 6,
        mean: "2.0000000000000000",
        nothing: null,
        shanghai: new Date("2024-01-01T19:04:05.678Z"),
        exact: "1.10",
        exacts: ["1.5", "2"],
        plain: { k: [1, "二"] },
        v: "a",
        s: 2,
        uuid: "0e6dc3d6-08a4-4b83-9ca1-5b0a4f4a6b35",
        span: "1 day",
        today: true,
      });
    });

    it("sends parameters the same way: JSON for objects and arrays, ISO text for dates, digits for bigint", async () => {
      const [row] = await db.query(
        `SELECT $1::jsonb AS obj, $2::jsonb AS arr, $3::jsonb AS num, $4::jsonb AS str, $5::text AS date_text,
                $6::bigint AS big, $7::text AS undef, $8::text AS bool_text, $9::bytea AS bytes, $10::jsonb AS big_in_json`,
        [{ a: 1 }, [1, "二"], 5, JSON.stringify("文字"), new Date("2024-05-06T07:08:09.010Z"), 42n, undefined, false, Buffer.from("中"), { fen: 12n }],
      );
      assert.deepEqual(row, {
        obj: { a: 1 },
        arr: [1, "二"],
        num: 5,
        str: "文字",
        date_text: "2024-05-06T07:08:09.010Z",
        big: 42,
        undef: null,
        bool_text: "false",
        bytes: Buffer.from("中"),
        big_in_json: { fen: "12" },
      });
    });

    it("reads the largest safe integers and refuses a bigint beyond them", async () => {
      const [edges] = await db.query("SELECT $1::bigint AS hi, $2::bigint AS lo", [MAX, -MAX]);
      assert.deepEqual(edges, { hi: MAX, lo: -MAX });
      await db.query("INSERT INTO value_types (amount) VALUES ($1)", [9007199254740993n]);
      await assert.rejects(db.query("SELECT amount FROM value_types WHERE amount > $1", [MAX]), (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, /9007199254740993 超出 JavaScript 能精确表示的范围/);
        return true;
      });
      await assert.rejects(db.query("SELECT ARRAY[$1::bigint] AS a", [9007199254740992n]), RangeError);
      // As text it is read exactly, and the database is still usable.
      assert.deepEqual(await db.query("SELECT amount::text AS amount FROM value_types WHERE amount > $1", [MAX]), [{ amount: "9007199254740993" }]);
      await db.exec("DELETE FROM value_types");
    });

    it("commits a transaction's writes together and returns its result", async () => {
      await reset({ a: 100, b: 0 });
      const moved = await db.transaction(async (tx) => {
        await tx.query("UPDATE accounts SET balance = balance - 30 WHERE name = 'a'");
        await tx.query("UPDATE accounts SET balance = balance + 30 WHERE name = 'b'");
        return 30;
      });
      assert.equal(moved, 30);
      assert.deepEqual(await balances(), { a: 70, b: 30 });
    });

    it("rolls back every write when the work throws, and rethrows the same error", async () => {
      await reset({ a: 100, b: 0 });
      const failure = new Error("中途失败");
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("UPDATE accounts SET balance = balance - 30 WHERE name = 'a'");
          await tx.query("INSERT INTO accounts VALUES ('c', 5)");
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.deepEqual(await balances(), { a: 100, b: 0 });
    });

    it("rolls back when a statement fails, with the database's error", async () => {
      await reset({ a: 100, b: 0 });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("UPDATE accounts SET balance = balance + 1 WHERE name = 'b'");
          await tx.query("UPDATE accounts SET balance = balance - 101 WHERE name = 'a'");
        }),
        (error: SqlError) => error instanceof SqlError && error.code === "23514" && error.constraint === "accounts_balance_check",
      );
      assert.deepEqual(await balances(), { a: 100, b: 0 });
    });

    it("runs a nested transaction as a savepoint: its failure undoes only its own writes", async () => {
      await reset({ a: 100, b: 0 });
      const outcome = await db.transaction(async (tx) => {
        await tx.query("UPDATE accounts SET balance = 90 WHERE name = 'a'");
        const inner = await tx.transaction(async (inner) => {
          await inner.query("UPDATE accounts SET balance = 10 WHERE name = 'b'");
          return "inner ok";
        });
        const failed = await tx
          .transaction(async (inner) => {
            await inner.query("INSERT INTO accounts VALUES ('c', 1)");
            await inner.query("INSERT INTO accounts VALUES ('c', 2)"); // duplicate key
          })
          .catch((error: SqlError) => error.code);
        await tx.query("INSERT INTO accounts VALUES ('d', 4)"); // the outer transaction goes on
        return [inner, failed];
      });
      assert.deepEqual(outcome, ["inner ok", "23505"]);
      assert.deepEqual(await balances(), { a: 90, b: 10, d: 4 });
    });

    it("rolls back nested writes with the outer transaction", async () => {
      await reset({ a: 100 });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            await inner.query("UPDATE accounts SET balance = 1 WHERE name = 'a'");
            await inner.transaction((deeper) => deeper.query("INSERT INTO accounts VALUES ('z', 26)"));
          });
          throw new Error("outer fails");
        }),
        /outer fails/,
      );
      assert.deepEqual(await balances(), { a: 100 });
    });

    it("refuses to commit a transaction whose failed statement was caught, and keeps none of its writes", async () => {
      await reset({ a: 100 });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("UPDATE accounts SET balance = 1 WHERE name = 'a'");
          await tx.query("INSERT INTO accounts VALUES ('a', 2)").catch(() => undefined);
        }),
        (error: SqlError) => error instanceof SqlError && error.code === "25P02",
      );
      assert.deepEqual(await balances(), { a: 100 });
    });

    it("refuses the outer database inside a transaction, and a transaction object after it ends", async () => {
      await reset({ a: 100 });
      let leaked: Parameters<Parameters<Database["transaction"]>[0]>[0] | undefined;
      await assert.rejects(
        db.transaction(async (tx) => {
          leaked = tx;
          await tx.query("UPDATE accounts SET balance = 1 WHERE name = 'a'");
          await db.query("SELECT 1");
        }),
        /在事务中请通过事务对象（tx）执行查询/,
      );
      assert.deepEqual(await balances(), { a: 100 });
      await assert.rejects(leaked!.query("SELECT 1"), /事务已经结束/);
      // Outside the transaction the database works as before, also from work it started.
      assert.deepEqual(await db.query("SELECT 1 AS one"), [{ one: 1 }]);
    });

    it("keeps concurrent transactions apart", async () => {
      await reset({ counter: 0 });
      await Promise.all(
        Array.from({ length: 10 }, () =>
          db.transaction(async (tx) => {
            const [row] = await tx.query<{ balance: number }>("SELECT balance FROM accounts WHERE name = 'counter' FOR UPDATE");
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.query("UPDATE accounts SET balance = $1 WHERE name = 'counter'", [row!.balance + 1]);
          }),
        ),
      );
      assert.deepEqual(await balances(), { counter: 10 });
    });

    it("reports the database's errors with SQLSTATE, constraint and message", async () => {
      await reset({ a: 1 });
      await assert.rejects(db.query("INSERT INTO accounts VALUES ('a', 1)"), (error: SqlError) => {
        assert.ok(error instanceof SqlError);
        assert.equal(error.code, "23505");
        assert.equal(error.constraint, "accounts_pkey");
        assert.match(error.message, /duplicate key value violates unique constraint "accounts_pkey"/);
        assert.match(error.detail ?? "", /Key \(name\)=\(a\) already exists/);
        return true;
      });
      await assert.rejects(db.query("SELEC 1"), (e: SqlError) => e instanceof SqlError && e.code === "42601" && /syntax error/.test(e.message));
      await assert.rejects(db.query("SELECT * FROM no_such_table"), (e: SqlError) => e.code === "42P01" && /no_such_table/.test(e.message));
      await assert.rejects(db.query("SELECT $1::jsonb", ["not json"]), (e: SqlError) => e.code === "22P02");
      // One statement per query on both engines; exec runs scripts.
      await assert.rejects(db.query("SELECT 1; SELECT 2"), (e: SqlError) => e.code === "42601");
      await db.exec("INSERT INTO accounts VALUES ('x', 1); INSERT INTO accounts VALUES ('y', 2);");
      assert.deepEqual(await balances(), { a: 1, x: 1, y: 2 });
    });

    it("refuses queries once closed", async () => {
      const other = await open();
      await other.close();
      await assert.rejects(other.query("SELECT 1"), /数据库已经关闭/);
    });
  },
  { migrations: FIXTURES },
);
