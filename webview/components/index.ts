// The designer's component layer: everything else imports controls from here, never from the toolkit.
export { Badge } from './Badge';
export { Button, type ButtonProps } from './Button';
export { Checkbox } from './Checkbox';
export { Divider } from './Divider';
export { Dropdown, type DropdownGroup, type DropdownOption } from './Dropdown';
export { TextField } from './TextField';
