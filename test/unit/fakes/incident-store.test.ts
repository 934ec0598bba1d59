import { InMemoryIncidentStore } from '../../fakes/incident-store.ts';
import { describeIncidentStoreContract } from '../../helpers/incident-store-contract.ts';

// The fake the use-cases' unit tests run on decides as the DynamoDB adapter does.
describeIncidentStoreContract('in memory', async () => {
  const store = new InMemoryIncidentStore();
  return { store, reader: store };
});
