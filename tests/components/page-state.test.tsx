import { fireEvent, render, screen } from '@testing-library/react';
import { PageState } from '@/components/page-state';

describe('PageState', () => {
  it('shows a loading hint while loading, not the content', () => {
    render(
      <PageState status="loading">
        <span>内容</span>
      </PageState>,
    );
    expect(screen.getByText('正在加载…')).toBeTruthy();
    expect(screen.queryByText('内容')).toBeNull();
  });

  it('shows the empty title and description', () => {
    render(<PageState status="empty" emptyTitle="暂时没有可查看的派出所" emptyDescription="请稍后再来" />);
    expect(screen.getByText('暂时没有可查看的派出所')).toBeTruthy();
    expect(screen.getByText('请稍后再来')).toBeTruthy();
  });

  it('offers the way on from an empty page, and only there', () => {
    const onClick = jest.fn();
    const { rerender } = render(<PageState status="empty" emptyTitle="还没有预约" emptyAction={{ label: '去预约办证', onClick }} />);
    fireEvent.click(screen.getByText('去预约办证'));
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(<PageState status="loading" emptyTitle="还没有预约" emptyAction={{ label: '去预约办证', onClick }} />);
    expect(screen.queryByText('去预约办证')).toBeNull();
  });

  it('shows the message from the error envelope, the request id, and retries on click', () => {
    const onRetry = jest.fn();
    render(
      <PageState
        status="error"
        error={{ code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-42' }}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByText('系统开小差了，请稍后再试')).toBeTruthy();
    expect(screen.getByText('请求编号：req-42')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('has no request id line when the error carries none', () => {
    render(<PageState status="error" error={{ code: 'NETWORK', message: '网络不太好，请检查网络后再试' }} onRetry={() => undefined} />);
    expect(screen.queryByText(/请求编号/)).toBeNull();
  });

  it('renders the content once ready', () => {
    render(
      <PageState status="ready">
        <span>内容</span>
      </PageState>,
    );
    expect(screen.getByText('内容')).toBeTruthy();
  });
});
