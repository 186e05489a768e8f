// The page the React recipe test renders: LoginHelpPanel plus React state that shows what the
// element's events reported. The elements come from dist/login-help.js (a script tag on the page).
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginHelpPanel } from './LoginHelpPanel.jsx';

function App() {
  const [log, setLog] = useState([]);
  const onSent = useCallback((detail) => setLog((entries) => [...entries, `sent:${detail.form}:${detail.data.email ?? detail.data.userName}`]), []);
  const onNotFound = useCallback((detail) => setLog((entries) => [...entries, `not-found:${detail.form}:${detail.data.email ?? detail.data.userName}`]), []);
  return (
    <>
      <LoginHelpPanel endpoint="/api" supportEmail="support@clinic.example" onSent={onSent} onNotFound={onNotFound} />
      <ul id="react-log">
        {log.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ul>
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);
