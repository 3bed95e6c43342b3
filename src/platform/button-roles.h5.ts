/**
 * H5: Taro's <Button> is drawn as a <taro-button-core> element, which browsers and screen readers
 * read as plain text — 我已知晓, 开始答题, 确认预约 would be announced as words, not buttons. Every
 * such element gets role="button", a tab stop, and aria-disabled mirroring `disabled`, as soon as
 * it appears.
 */
const BUTTON = 'taro-button-core';

function describe(element: Element): void {
  if (!element.hasAttribute('role')) element.setAttribute('role', 'button');
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
  const disabled = element.hasAttribute('disabled') && element.getAttribute('disabled') !== 'false';
  if (element.getAttribute('aria-disabled') !== String(disabled)) element.setAttribute('aria-disabled', String(disabled));
}

export function giveButtonsTheirRole(root: ParentNode = document): void {
  root.querySelectorAll(BUTTON).forEach(describe);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') {
        if (change.target instanceof Element && change.target.localName === BUTTON) describe(change.target);
        continue;
      }
      change.addedNodes.forEach((node) => {
        if (!(node instanceof Element)) return;
        if (node.localName === BUTTON) describe(node);
        node.querySelectorAll(BUTTON).forEach(describe);
      });
    }
  }).observe(root instanceof Document ? root.documentElement : (root as Element), { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}
