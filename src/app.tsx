import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { giveButtonsTheirRole } from '@/platform/button-roles';
import { initCloud } from '@/platform/cloud-transport';
import { listenForPrivacyRequests } from '@/platform/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
    listenForPrivacyRequests();
    giveButtonsTheirRole();
  });
  // `children` is the page being shown.
  return children;
}

export default App;
