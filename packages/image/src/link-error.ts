/**
 * The one error type the linker throws. Messages name the symbol and the object (by index in
 * the input list, and by name when the input carries one) so a user can find the culprit.
 *
 * Layer: toolchain, @sawmill/image.
 */

export class LinkError extends Error {
  override readonly name = "LinkError";
}

/** A human-readable reference to an input object: `object #2 ("kernel")`. */
export function describeObject(index: number, name: string | undefined): string {
  return name === undefined ? `object #${index}` : `object #${index} ("${name}")`;
}
