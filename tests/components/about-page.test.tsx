/** 关于与隐私 tells the truth: nothing live is called "coming", and it names what the app now keeps. */
import { render, screen } from '@testing-library/react';
import AboutPage from '@/packages/content/pages/about/index';

test('no working feature is described as opening later', () => {
  const { container } = render(<AboutPage />);
  expect(container.textContent).not.toMatch(/开放后|即将|敬请期待|陆续上线|以后上线/);
});

test('it names the records the app keeps beyond questions and bookings: mediation, views and acknowledgements, contact cards', () => {
  render(<AboutPage />);
  expect(screen.getByText('您参加的调解案件（当事人或受邀的一方）')).toBeTruthy();
  expect(screen.getByText('您看过、点过“我已知晓”的反诈提醒，小测试的得分')).toBeTruthy();
  expect(screen.getByText('您扫过的警民联系卡、订阅的紧急预警')).toBeTruthy();
});
