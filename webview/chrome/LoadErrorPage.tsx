// The page shown instead of the designer when the document does not load: its positioned errors and the way
// to the text editor. Nothing is written to such a document.
import type { LoadError } from '../../src/core/model/load-design';
import { Button } from '../components';

export function LoadErrorPage({ errors, onOpenAsText }: { errors: readonly LoadError[]; onOpenAsText: () => void }) {
  return (
    <main className="load-errors" data-testid="load-errors">
      <h1>This design cannot be shown</h1>
      <p>The file does not load as a Power Platform VNet design. Nothing has been changed; fix it in the text editor.</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-testid="load-error"><span className="pos">Line {e.range.start.line + 1}, column {e.range.start.character + 1}</span>: {e.message}</li>
        ))}
      </ul>
      <Button appearance="primary" testId="open-as-text" onClick={onOpenAsText}>Open as Text</Button>
    </main>
  );
}
