// Button of the designer's own component layer (wraps the webview UI toolkit so it can be swapped later).
import { VSCodeButton } from '@vscode/webview-ui-toolkit/react';
import type { ReactNode } from 'react';

export interface ButtonProps {
  readonly children: ReactNode;
  readonly onClick: () => void;
  readonly ariaLabel?: string;
  readonly title?: string;
  readonly appearance?: 'primary' | 'secondary' | 'icon';
  readonly disabled?: boolean;
  readonly testId?: string;
}

export function Button({ children, onClick, ariaLabel, title, appearance = 'secondary', disabled, testId }: ButtonProps) {
  return (
    <VSCodeButton
      appearance={appearance}
      onClick={onClick}
      aria-label={ariaLabel ?? (typeof children === 'string' ? children : undefined)}
      title={title ?? ariaLabel}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
    </VSCodeButton>
  );
}
