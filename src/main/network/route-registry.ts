import { createRoute, needsRoute, type Route, type RouteConfig } from './route';

/**
 * One route per open connection, keyed by its config object: the kafkajs client and the
 * health probes of the same connection share one SSH connection.
 */
const routes = new WeakMap<RouteConfig, Route>();

/** The connection's route, or null when it connects directly without mapping. */
export function routeFor(config: RouteConfig): Route | null {
  if (!needsRoute(config)) return null;
  let route = routes.get(config);
  if (!route) {
    route = createRoute(config);
    routes.set(config, route);
  }
  return route;
}

/** Closes the connection's route (its SSH connection); the next `routeFor` opens a new one. */
export function releaseRoute(config: RouteConfig): void {
  routes.get(config)?.close();
  routes.delete(config);
}
