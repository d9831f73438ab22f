export * from './catalog/catalogConventions';
