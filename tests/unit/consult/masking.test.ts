import { maskPersonalNumbers } from '@domain/consult';

describe('personal numbers in a message', () => {
  test.each([
    ['电话13812345678', '电话138****5678'],
    ['电话 138 1234 5678 找我', '电话 138****5678 找我'],
    ['138-1234-5678', '138****5678'],
    ['身份证110101198001011234', '身份证1101**********1234'],
    ['身份证 11010119800101123X', '身份证 1101**********123X'],
    ['老身份证 110101800101123', '老身份证 1101*******1123'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toEqual({ text: masked, masked: true });
  });

  test.each([['5号楼3单元301'], ['转账 50000 元'], ['派出所电话 010-63212345'], ['订单号 20261125000012345678']])('leaves other numbers alone: %s', (text) => {
    expect(maskPersonalNumbers(text)).toEqual({ text, masked: false });
  });
});
