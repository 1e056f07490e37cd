// Webview entry: mounts the designer into #root. Styles are bundled into main.css (linked by the host page).
import './host/perf-marks';
import './host/page-setup';
import { createRoot } from 'react-dom/client';
import 'reactflow/dist/style.css';
import './theme/designer.css';
import { App } from './App';
import { hostChannel } from './host/host-channel';
import { markOnce } from './host/perf-marks';

markOnce('modules-evaluated');

// A CSP refusal is otherwise silent in the page; report where it came from to the host's log.
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.violatedDirective} at ${e.sourceFile || 'inline'}:${e.lineNumber}:${e.columnNumber} sample "${e.sample}"`;
  console.error(`CSP refused: ${where}`);
  hostChannel().log('warn', `CSP refused: ${where}`);
});

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
