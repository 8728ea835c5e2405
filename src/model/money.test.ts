import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fen, formatWanYuan, formatYuan, parseWanYuan, parseYuan, roundToWanYuanCents, sumFen } from "./money.ts";

describe("money", () => {
  it("refuses non-integer fen", () => {
    assert.throws(() => fen(1.5), /整数/);
    assert.equal(fen(150), 150);
  });

  it("parses 元 the way tables print them", () => {
    assert.equal(parseYuan("2,259,811.00"), 225_981_100);
    assert.equal(parseYuan("1368693"), 136_869_300);
    assert.equal(parseYuan("１２３．４５"), 12_345);
    assert.equal(parseYuan("-1,000"), -100_000);
    assert.equal(parseYuan("0.1"), 10);
    assert.equal(parseYuan("12.345"), null, "more than two decimals is not a 元 amount");
    assert.equal(parseYuan(""), null);
    assert.equal(parseYuan("-"), null);
    assert.equal(parseYuan("合计"), null);
  });

  it("parses 万元", () => {
    assert.equal(parseWanYuan("225.98"), 225_980_000);
    assert.equal(parseWanYuan("0.2"), 200_000);
  });

  it("formats 元 with separators and decimals", () => {
    assert.equal(formatYuan(fen(225_981_100)), "2,259,811.00");
    assert.equal(formatYuan(fen(5)), "0.05");
    assert.equal(formatYuan(fen(-100_050)), "-1,000.50");
    assert.equal(formatYuan(fen(225_981_150), { decimals: 0 }), "2,259,812");
    assert.equal(formatYuan(fen(136_869_300), { decimals: 0, separators: false }), "1368693");
  });

  it("rounds 万元 half-up and drops trailing zeros", () => {
    assert.equal(formatWanYuan(fen(225_981_100)), "225.98");
    assert.equal(formatWanYuan(fen(38_600_000)), "38.6");
    assert.equal(formatWanYuan(fen(4_000_000)), "4");
    assert.equal(formatWanYuan(fen(200_000)), "0.2");
    assert.equal(formatWanYuan(fen(20_258_700)), "20.26", "202,587 元 is 20.26 万元, not the seed's 20.25");
    assert.equal(formatWanYuan(fen(8_308_400)), "8.31");
    assert.equal(formatWanYuan(fen(5_000)), "0.01", "exactly half a hundredth (50 元) rounds up");
    assert.equal(formatWanYuan(fen(-5_000)), "-0.01");
    assert.equal(roundToWanYuanCents(fen(4_999)), 0);
    assert.equal(formatWanYuan(fen(4_999)), "0");
  });

  it("sums, skipping blanks", () => {
    assert.equal(sumFen([fen(1), null, fen(2), undefined]), 3);
  });
});
