/**
 * Disclosures for rule tests written in published form: a short Markdown or text snippet read by the
 * published reader, so a rule is tested on what a reader of a real document produces.
 */
import type { Disclosure } from "../../src/model/disclosure.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";

/** The disclosure the published reader makes of `text`. */
export function publishedDisclosure(text: string, origin = "fixture.md"): Disclosure {
  return readPublished(text, { origin });
}
