// Root component: the React Flow provider around the designer page (so every part can reach the viewport).
import { ReactFlowProvider } from 'reactflow';
import { Designer } from './Designer';

export function App() {
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  );
}
