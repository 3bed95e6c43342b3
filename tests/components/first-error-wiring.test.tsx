/**
 * Forms wired to "focus the first error" after 29f4f47: the field an answer names is marked
 * invalid, described by its message beside it, and focused by revealFirstError (what useSubmit
 * calls on every failure); the general message under the form then stays empty.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { RatingPanel } from '@/packages/consult/pages/thread/rating-panel';
import { revealFirstError } from '@/utils/reveal';

beforeAll(() => {
  Element.prototype.getClientRects = function () { return [{}] as unknown as DOMRectList; };
  Element.prototype.scrollIntoView = jest.fn();
});

test('评价: a refused comment focuses the comment box, invalid and described by its message', async () => {
  render(<RatingPanel pending={false} error={{ code: 'INVALID_INPUT', message: '评价最多200个字', fields: { comment: '评价最多200个字' } }} onSubmit={jest.fn()} />);
  const box = screen.getByRole('textbox', { name: '想对民警说的话（可以不写）' });
  expect(box.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe('评价最多200个字');
  expect(screen.getAllByText('评价最多200个字')).toHaveLength(1);
  revealFirstError();
  await waitFor(() => expect(document.activeElement).toBe(box));
});

test('评价: a missing score focuses the stars, and an error about the whole form is still said under it', async () => {
  const { rerender } = render(<RatingPanel pending={false} error={{ code: 'INVALID_INPUT', message: '请选择星级', fields: { stars: '请选择星级' } }} onSubmit={jest.fn()} />);
  const stars = screen.getByRole('radiogroup');
  expect(stars.getAttribute('aria-invalid')).toBe('true');
  revealFirstError();
  await waitFor(() => expect(document.activeElement).toBe(stars));
  rerender(<RatingPanel pending={false} error={{ code: 'NETWORK', message: '网络不太好，请稍后再试' }} onSubmit={jest.fn()} />);
  expect(screen.getByRole('radiogroup').getAttribute('aria-invalid')).toBeNull();
  expect(screen.getByText('网络不太好，请稍后再试')).toBeTruthy();
});
