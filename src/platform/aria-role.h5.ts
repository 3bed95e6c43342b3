/**
 * H5: browsers read the standard `role` attribute only; an `ariarole` attribute would be an
 * invalid ARIA attribute to them, so nothing is added.
 */
export function nativeRoleProps(_role: string): { ariaRole?: string } {
  return {};
}
