import { startEmbeddedDynamo } from '../../shared/local/embedded-dynamodb.ts';

// dynalite for the benchmark, in its own process as DynamoDB is to a Lambda. Prints
// `{"endpoint"}` on its first line; on SIGTERM prints `{"peakRssMB"}` and exits.

const dynamo = await startEmbeddedDynamo();
process.stdout.write(`${JSON.stringify({ endpoint: dynamo.endpoint })}\n`);
process.on('SIGTERM', () => {
  const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ peakRssMB })}\n`, () => process.exit(0));
});
