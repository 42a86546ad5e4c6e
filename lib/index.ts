export * from './access-endpoint';
export * from './agent-version';
export * from './directory-config';
export * from './domain-join';
export * from './image';
export * from './image-builder';
export * from './instance-type';
