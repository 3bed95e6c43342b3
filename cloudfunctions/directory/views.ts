/** Community views live with the Directory they read (platform/cloud/directory.ts). */
export { communityView, communityViews } from '@platform/cloud/directory';
