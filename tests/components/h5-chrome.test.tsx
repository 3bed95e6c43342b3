/**
 * What the H5 build adds where WeChat would draw it: a title bar with a way back on every page that
 * is not a tab, and the button role on Taro's <taro-button-core> elements. And the step's main
 * action sits in a bar fixed to the bottom of the screen.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ActionBar } from '@/components/action-bar';
import { BackBar } from '@/components/page-root/back-bar.h5';
import { giveButtonsTheirRole } from '@/platform/button-roles.h5';

afterEach(() => jest.restoreAllMocks());

test('a sub-page has a title bar whose back button goes back', () => {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'pages/feed/index' }, { route: 'packages/content/pages/article/index' }] as never);
  const back = jest.spyOn(Taro, 'navigateBack');
  document.title = '预警全文';
  render(<BackBar />);
  expect(screen.getByRole('heading', { name: '预警全文' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '返回上一页' }));
  expect(back).toHaveBeenCalled();
});

test('opened straight from a shared link, the way back leads home', () => {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'packages/content/pages/article/index' }] as never);
  const home = jest.spyOn(Taro, 'switchTab');
  render(<BackBar />);
  fireEvent.click(screen.getByRole('button', { name: '回到首页' }));
  expect(home).toHaveBeenCalledWith({ url: '/pages/feed/index' });
});

test('tab pages have no back bar', () => {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'pages/consult/index' }] as never);
  const { container } = render(<BackBar />);
  expect(container.textContent).toBe('');
});

test('Taro H5 buttons get the button role, now and when they appear later, and say when they are disabled', async () => {
  const root = document.createElement('div');
  root.innerHTML = '<taro-button-core>开始答题</taro-button-core>';
  document.body.append(root);
  giveButtonsTheirRole(root);
  expect(screen.getByRole('button', { name: '开始答题' })).toBeTruthy();
  const later = document.createElement('taro-button-core');
  later.textContent = '确认预约';
  later.setAttribute('disabled', '');
  root.append(later);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(screen.getByRole('button', { name: '确认预约' }).getAttribute('aria-disabled')).toBe('true');
  root.remove();
});

test('the action bar holds the step’s main action, with a spacer so the page’s end stays visible', () => {
  const { container } = render(
    <ActionBar>
      <button type="button">下一步：选日期</button>
    </ActionBar>,
  );
  expect(container.querySelector('.action-bar')?.textContent).toBe('下一步：选日期');
  expect(container.querySelector('.action-bar__spacer')).toBeTruthy();
});
