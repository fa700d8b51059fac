export { endSentence, plural, pluralOrNone, someOf, wrapLabel } from './wording';
