// Module-level node type map: React Flow warns (and re-mounts every node) if this object changes identity.
import type { NodeTypes } from 'reactflow';
import { ElementNode } from './ElementNode';
import { VnetNode } from './VnetNode';

export const NODE_TYPES: NodeTypes = { element: ElementNode, vnet: VnetNode };
