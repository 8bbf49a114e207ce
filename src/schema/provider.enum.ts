import { registerEnumType } from 'type-graphql';
import { Provider } from '../errors';

registerEnumType(Provider, { name: 'Provider', description: 'Which upstream system holds an asset.' });

export { Provider };
