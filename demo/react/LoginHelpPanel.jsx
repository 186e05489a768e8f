// React 19 recipe: <login-help> in a React component.
//
// Load the elements once, before or after React renders (either works):
//   - npm:        import 'login-help';            (in your app's entry module)
//   - script tag: <script type="module" src="/assets/login-help.js"></script>
//
// React 19 passes attributes to custom elements as written (use the HTML names: `support-email`,
// `username-action`, `csrf-token`, …) and turns a function prop named `on` + event name into an
// event listener: `onlogin-help-sent` listens to `login-help-sent`. Older React (18 and before)
// ignores such props: there, use a ref and addEventListener in useEffect, as done below for
// `login-help-not-found` (this works in React 19 too).
import { useEffect, useRef } from 'react';

/**
 * @param {{
 *   endpoint: string,
 *   supportEmail?: string,
 *   onSent?: (detail: { form: 'username' | 'password', data: object, accepted?: boolean }) => void,
 *   onNotFound?: (detail: { form: 'username' | 'password', data: object }) => void,
 * }} props
 */
export function LoginHelpPanel({ endpoint, supportEmail, onSent, onNotFound }) {
  const ref = useRef(null);

  // The ref pattern: works with every React version.
  useEffect(() => {
    const element = ref.current;
    if (!element || !onNotFound) return undefined;
    const listener = (event) => onNotFound(event.detail);
    element.addEventListener('login-help-not-found', listener);
    return () => element.removeEventListener('login-help-not-found', listener);
  }, [onNotFound]);

  return (
    <login-help
      ref={ref}
      endpoint={endpoint}
      support-email={supportEmail}
      // React 19: a native custom-element event prop (the event name after `on`, as is).
      onlogin-help-sent={onSent ? (event) => onSent(event.detail) : undefined}
    />
  );
}
