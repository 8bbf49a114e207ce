import type { ClassType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';

// type-graphql accepts an interface class as a field type; ClassType only asks for a constructor.
export const { Edge: AssetEdge, Connection: AssetConnection } = connectionTypes(Asset as unknown as ClassType<Asset>, 'Asset', {
  noun: 'asset',
  description:
    "A page of the viewer's assets (a Relay connection, both ways): Kigo tokens in Kigo's order, then Klip cards in Klip's order, then voucher codes, newest order first.",
});
export type AssetConnection = InstanceType<typeof AssetConnection>;
