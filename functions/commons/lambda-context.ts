// Read by process-article's first module, before anything heavy loads: keep it import-free.

/** True inside a Lambda execution environment (not in tests or local runs). */
export function inLambda(): boolean {
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
}
