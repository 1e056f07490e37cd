// Webview entry: mounts the designer into #root. Styles are bundled into main.css (linked by the host page).
import { createRoot } from 'react-dom/client';
import 'reactflow/dist/style.css';
import './theme/designer.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
