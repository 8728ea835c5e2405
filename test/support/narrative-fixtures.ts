/**
 * Narrative snippets for the narrative rules' tests: a few lines of published text (as printed in real
 * disclosures) read into a Disclosure the way `gongkai check` reads a published file.
 */
import type { Disclosure } from "../../src/model/disclosure.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";

export function readSnippet(text: string): Disclosure {
  return readPublished(text, { origin: "snippet" });
}
