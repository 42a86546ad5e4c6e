export * from './engine';
export * from './shared';
export * from './image-builder';
export * from './directory-config';
export * from './fleet';
export * from './stack';
