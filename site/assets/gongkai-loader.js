// Starts the Gongkai viewer. Written by scripts/post-build.sh for this build's file names:
// serve it uncached, like index.html (what it imports is cached for good). Load it as
//   <script type="module" src="…/gongkai-loader.js"></script>
// In the viewer's own index.html the viewer takes the page; in a portal's page it renders
// into <div data-gongkai> only, and this adds its stylesheet (the viewer's own, nothing else).
import init from './gongkai-d2df5e040ef9c564.js';

const css = new URL('./gongkai-56edb9aa8abbb715.css', import.meta.url).href;
if (![...document.querySelectorAll('link[rel~="stylesheet"]')].some((link) => link.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}
// The wasm downloads (and compiles, as it streams in) at once. A prerendered report page
// (gongkai site) is readable already, so the app takes it over when the browser is idle, not
// while the page first shows; any other page needs the app to show anything, so it starts now.
const wasm = fetch(new URL('./gongkai-d2df5e040ef9c564_bg.wasm', import.meta.url));
const start = () => init({ module_or_path: wasm });
if (document.getElementById('gongkai') && 'requestIdleCallback' in window) {
  requestIdleCallback(start, { timeout: 1500 });
} else {
  start();
}
