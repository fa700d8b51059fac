/**
 * The import reader's parts as they were before issue 20's second performance round, kept to
 * prove the faster ones give the same drafts: a test mocks the reader's module with
 * {@link referenceDraftBuilderModule} and reads the same files both ways.
 */
import { serviceMatchKey } from '../../shared/ids/identifiers';
import type * as DraftBuilderModule from '../../shared/import/draft-builder';

const TEN_DIGITS = /^\d{10}$/;

/** A service identifier's match key as the draft builder made it before: '' → null. */
export function referenceServiceKey(serviceIdRaw: string): string | null {
  if (serviceIdRaw === '') return null;
  return serviceIdRaw.length === 10 && TEN_DIGITS.test(serviceIdRaw)
    ? `+1${serviceIdRaw}`
    : serviceMatchKey(serviceIdRaw);
}

/** The draft-builder module whose `DraftBuilder` keys services as {@link referenceServiceKey}. */
export function referenceDraftBuilderModule(
  real: typeof DraftBuilderModule,
): typeof DraftBuilderModule {
  class ReferenceDraftBuilder extends real.DraftBuilder {
    override serviceKey(serviceIdRaw: string): string | null {
      return referenceServiceKey(serviceIdRaw);
    }
  }
  return { ...real, DraftBuilder: ReferenceDraftBuilder };
}
