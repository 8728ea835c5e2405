/**
 * The portal's markup helper: a tagged template that escapes every interpolated value, unless it is
 * markup this code made itself (an `Html`, e.g. a piece of the published page from
 * src/renderers/html). Synchronous and string-based, so a page is a pure function of its data.
 */
import { escapeHtml } from "../../renderers/html/render-html.ts";

/** Markup that is already safe to insert. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Content = Html | string | number | null | undefined | false | readonly Content[];

function part(value: Content): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` with `text` escaped; arrays are joined; null, undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly Content[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += part(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup made by this code (never text from a document or a reader). */
export function raw(markup: string): Html {
  return new Html(markup);
}
