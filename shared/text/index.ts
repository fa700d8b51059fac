export { endSentence, plural, pluralOrNone, wrapLabel } from './wording';
