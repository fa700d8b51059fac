/** The domain model: one module per group, re-exported here. */
export * from './organization';
export * from './service';
export * from './contract';
export * from './billing';
export * from './audit';
export * from './allocation';
export * from './budget';
