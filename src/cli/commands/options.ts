import { InvalidArgumentError } from "commander";

export function parseTableNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 15) throw new InvalidArgumentError(`表号应为 1–15 的整数，收到“${value}”`);
  return n;
}

export function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError(`年度应为四位数年份，收到“${value}”`);
  return n;
}

export function parseChoice<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`可选值为 ${choices.join("、")}，收到“${value}”`);
    }
    return value as T;
  };
}
