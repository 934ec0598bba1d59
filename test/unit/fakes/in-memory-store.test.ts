import { inMemoryStore } from '../../fakes/in-memory-store.ts';
import { describeStoreContract } from '../../helpers/store-contract.ts';

// The fakes the use-cases' unit tests run on decide as the DynamoDB adapter does.
describeStoreContract('in memory', async () => ({ store: inMemoryStore() }));
