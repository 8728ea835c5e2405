import type { HeaderCell } from "../model/table.ts";

export interface HeaderColumn {
  readonly label: string;
  /** Columns with the same parent are grouped under one merged cell in the first header row. */
  readonly parent?: string;
}

/**
 * The printed header of a row table: the leading code/label columns, then the value columns, with
 * grouped columns under a merged parent cell. One row when nothing is grouped, else two.
 */
export function printedHeader(leading: readonly string[], columns: readonly HeaderColumn[]): HeaderCell[][] {
  const grouped = columns.some((c) => c.parent);
  if (!grouped) return [[...leading, ...columns.map((c) => c.label)].map((text) => ({ text }))];
  const top: HeaderCell[] = leading.map((text) => ({ text, rowSpan: 2 }));
  const bottom: HeaderCell[] = [];
  for (let i = 0; i < columns.length; ) {
    const column = columns[i]!;
    if (!column.parent) {
      top.push({ text: column.label, rowSpan: 2 });
      i += 1;
      continue;
    }
    let span = 0;
    while (columns[i + span]?.parent === column.parent) {
      bottom.push({ text: columns[i + span]!.label });
      span += 1;
    }
    top.push({ text: column.parent, colSpan: span });
    i += span;
  }
  return [top, bottom];
}
