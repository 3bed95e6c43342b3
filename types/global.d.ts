/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro for the platform being built; platform files (`*.h5.tsx`) are picked by it too. */
    TARO_ENV?: 'weapp' | 'h5';
    /** Cloud environment the weapp build talks to (config/index.ts turns it into CLOUD_ENV_ID). */
    CLOUD_ENV_ID?: string;
  }
}
