import { ArgsType } from 'type-graphql';
import { PagingArgs } from './paging.args';

/**
 * partnerCards' and Viewer.cards' arguments. Backward pages use the gateway's chain of the Klip
 * cursors it has seen (Klip itself pages only forward): see cards/klip-cursor-chain.ts.
 */
@ArgsType()
export class CardConnectionArgs extends PagingArgs {}
