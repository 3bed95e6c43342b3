/**
 * The mini-program has no demo identities: WeChat says who you are. The H5 build (local mode)
 * swaps in demo-identity-link.h5.tsx, so the link's path never reaches the weapp bundle.
 */
export function DemoIdentityLink() {
  return null;
}
