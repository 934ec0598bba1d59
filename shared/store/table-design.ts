// The single-table design, shared by the DynamoDB adapter (keys), the local table creation
// (dynalite) and the CDK stack (which must declare the same keys and indexes).
//
// item            pk                     sk                   gsi1pk / gsi1sk               gsi2pk
// feed state      FEED#<feedId>          STATE                -                              -
// article         ART#<articleId>        ART                  ARTICLE / <date>#<id>          SOURCE#<outlet>
// fingerprint     ART#<articleId>        FP                   -                              -
// content hash    HASH#<sha256>          HASH                 -                              -
// band index      BAND#<i>#<minhash>     <storyDate>#<artId>  -                              -
// story           STORY#<storyId>        STORY                STORY / <date>#<id>            -
// claim           CLAIM#<claimKey>       CLAIM                CASUALTY|ACCUSATION / <upd>#k  PLACE#<place>|ACTOR#<id>
// alert           ALERT#<alertId>        ALERT                ALERT / <created>#<id>         -
// delivery        ALERT#<alertId>        DELIVERY#<subId>     OUTBOX / <dueAt>#<id> (while   -
//                                                             pending or sending)
// error           ERROR#<errorId>        ERROR                ERROR / <at>#<id>              SUBJECT#<feedId>
//
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
