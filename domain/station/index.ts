/** A station that runs itself: officers and hand-over, the duty roster, the hall's settings, community boundaries. */
export * from './officers';
export * from './roster';
export * from './boundaries';
export * from './hall-changes';
export * from './hall-windows';
