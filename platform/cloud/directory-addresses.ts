/**
 * The directory's address resolver (typed address → community), built once per directory copy and
 * only in the functions that resolve addresses (directory's 按地址找社区, mediation's place of a
 * dispute): routing a question needs none, so consult does not carry it.
 */
import { createAddressResolver, type AddressResolver } from '@domain/address';
import type { Directory } from './directory';

const resolvers = new WeakMap<Directory, AddressResolver>();

export function addressResolverOf(directory: Directory): AddressResolver {
  let resolver = resolvers.get(directory);
  if (!resolver) {
    resolver = createAddressResolver([...directory.communities.values()].map((community) => ({ communityId: community._id, name: community.name, ...community.address })));
    resolvers.set(directory, resolver);
  }
  return resolver;
}
