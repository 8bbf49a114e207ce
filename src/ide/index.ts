/** The IDE on `GET /graphql` (Apollo Sandbox, falling back to the local IDE) and the local IDE itself. */
export { landingPageWithLocalIde } from './landing-page';
export { LOCAL_IDE_PATH, localIdeRoutes } from './local-ide-routes';
