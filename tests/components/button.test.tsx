import { fireEvent, render, screen } from '@testing-library/react';
import { Button } from '@/components/button';

describe('Button (the main package’s own, over the native button)', () => {
  it('is a button named by its text, and a tap runs onClick', () => {
    const onClick = jest.fn();
    render(
      <Button type="primary" block onClick={onClick}>
        查询
      </Button>,
    );
    const button = screen.getByRole('button', { name: '查询' });
    expect(button.className).toContain('fq-button--primary');
    expect(button.className).toContain('fq-button--block');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('ignores taps while its answer is pending, and looks it', () => {
    const onClick = jest.fn();
    render(
      <Button loading onClick={onClick}>
        加载更多
      </Button>,
    );
    const button = screen.getByRole('button', { name: '加载更多' });
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button.className).toContain('fq-button--disabled');
  });

  it('a disabled button does nothing', () => {
    const onClick = jest.fn();
    render(
      <Button disabled onClick={onClick}>
        发送
      </Button>,
    );
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(onClick).not.toHaveBeenCalled();
  });
});
