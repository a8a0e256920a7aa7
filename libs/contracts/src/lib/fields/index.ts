// Field schemas every request schema is built from: text (characters checked centrally), dates, path parameters.
export * from './text';
export * from './date';
export * from './params';
