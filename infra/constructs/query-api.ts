import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ROUTES } from '../../shared/contracts/query-kinds.ts';

export interface QueryApiProps {
  /** The query function: every route is a GET on it. */
  readonly handler: IFunction;
  readonly logRetention: RetentionDays;
}

/** The access log line: who called which route, and how it went. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  caller: '$context.identity.userArn',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
});

/**
 * The analysts' read-only HTTP API: one IAM-authorised GET route per query kind of the contract
 * and the report,
 * throttled, with access logs, and a managed policy that allows calling exactly those routes.
 */
export class QueryApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly invokePolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new HttpApi(this, 'Api', {
      description: 'strikewatch read-only analyst queries (IAM / SigV4 signed requests only)',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Every route: a runaway script cannot run up DynamoDB reads.
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });
    const routes = [...API_ROUTES];
    const integration = new HttpLambdaIntegration('Integration', props.handler);
    for (const path of routes) {
      this.api.addRoutes({ path, methods: [HttpMethod.GET], integration });
    }
    // Attach to analysts' roles or users: exactly the GET routes above, on this API only.
    this.invokePolicy = new ManagedPolicy(this, 'InvokePolicy', {
      description: 'Allows calling the strikewatch query API (read-only routes)',
      statements: [
        new PolicyStatement({
          actions: ['execute-api:Invoke'],
          resources: routes.map((path) =>
            this.api.arnForExecuteApi('GET', path, this.stage.stageName),
          ),
        }),
      ],
    });
  }
}
