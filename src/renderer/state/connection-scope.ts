import { createContext } from 'react';
import type { ConnectionInfo } from '../../shared/api';

/**
 * The connection a subtree renders for. Every open cluster keeps its pages mounted (hidden when
 * another is active), so a page asks this, not "the window's connection", which cluster it is.
 */
export const ConnectionScope = createContext<ConnectionInfo | null>(null);
