// The single-table design, shared by the DynamoDB adapter (keys.ts builds every key from it), the
// local table creation (dynalite) and the CDK stack (which must declare the same keys and indexes).
//
// item            pk                     sk                   gsi1pk / gsi1sk               gsi2pk / gsi2sk
// feed state      FEED#<feedId>          STATE                -                             -
// article         ART#<articleId>        ART                  ARTICLE / <date>#<id>         SOURCE#<outlet> / <date>#<id>
// fingerprint     ART#<articleId>        FP                   -                             -
// content hash    HASH#<sha256>          HASH                 -                             -
// band slot       BAND#<i>#<minhash>#<per> SLOT#<s>            -                             -
// story           STORY#<storyId>        STORY                STORY / <date>#<id>           -
// claim           CLAIM#<claimKey>       CLAIM                CASUALTY|ACCUSATION / <upd>#k PLACE#<place>|ACTOR#<id> / <upd>#k
// alert           ALERT#<alertId>        ALERT                -                             ALERT / <created>#<id>
// delivery        ALERT#<alertId>        DELIVERY#<subId>     OUTBOX / <dueAt>#<id>#<sub>   ALERT / <created>#<id>#<sub>
//                                                             (while pending or sending)
// incident/acc.   REC#<recordId>         REC                  INCIDENT|ACCREC / <date>#<id> INCIDENTPLACE#|ACCRECPLACE#<placeKey> / <date>#<id>
// identity key    IKEY#<key>             IKEY                 -                             -
// story incidents STORY#<storyId>        INCIDENTS            -                             -
// error           ERROR#<errorId>        ERROR                ERROR / <at>#<id>             SUBJECT#<feedId> / <at>#<id>
// digest          DIGEST#<digestId>      DIGEST               DIGESTS / <periodEnd>#<id>    -
//                                                             (until it is built)
// cap counter     COUNT#<counterId>      COUNT                -                             -
//
// An alert and its deliveries share one gsi2 partition and sort prefix, so one Query lists alerts
// with their deliveries (newest first, each alert's deliveries just before it).
// Band items, fingerprints and errors carry `expiresAt` (TTL) in AWS; nothing depends on expiry.

export const GSI1 = 'gsi1';
export const GSI2 = 'gsi2';
export const TTL_ATTRIBUTE = 'expiresAt';

export const tableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
} as const;
