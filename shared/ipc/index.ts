export * from './envelope';
export * from './contract';
export * from './auditEntry';
export * from './api';
export * from './supervision';
export * from './teamStore';
export * from './socket';
export * from './searchRow';
