/* Gongkai embed helper, for a portal page that shows the viewer in an <iframe>:
 *   <iframe class="gongkai-frame" src="/xxgk/2024/fzbg/#/?embed=1" title="…"></iframe>
 *   <script src="/xxgk/2024/fzbg/embed.js" defer></script>
 * The framed viewer posts { type: "gongkai:height", height: <CSS px> } to this page whenever
 * its height changes; the frame it came from is given that height, so it never scrolls on its
 * own. Only a message from a frame's own window, sent from the origin of that frame's src,
 * counts. No inline script or style: it runs under a strict Content-Security-Policy. */
(function () {
  'use strict';
  var MAX = 1000000;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'gongkai:height') return;
    // A number, as the viewer sends it: `null`, `''` or `[]` would read as 0 and fold the frame.
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    var origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return;
    }
    if (event.origin !== origin) return;
    frame.style.height = Math.min(Math.ceil(height), MAX) + 'px';
  });
})();
