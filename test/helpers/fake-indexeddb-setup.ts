// Real Dexie over an in-memory IndexedDB: the db tier tests our schema and transactions, not a mock.
import 'fake-indexeddb/auto';
