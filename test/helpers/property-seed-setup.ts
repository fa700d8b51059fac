/** Setup file: every fast-check property runs from the seed `FC_SEED` names (see property-seed.ts). */
import fc from 'fast-check';
import { propertySeedOf } from './property-seed';

const seed = propertySeedOf(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
