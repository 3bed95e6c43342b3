export * from './model';
export * from './lifecycle';
export * from './figures';
export * from './privacy';
