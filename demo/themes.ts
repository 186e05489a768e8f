// The themes page: the same mock backend as the demo page (imported first, so no submit can beat
// it), then the tags. ?lang=xx sets every panel's lang attribute; the themes themselves are in
// themes.html and demo.css.
import { setAttributeOn, settingsFromUrl } from './demo-settings.js';
import './mock-backend.js';

const { lang } = settingsFromUrl();
if (lang) setAttributeOn(document.querySelectorAll('login-help'), 'lang', lang);

await import('../src/define.js');
