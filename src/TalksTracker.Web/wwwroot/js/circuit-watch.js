// An interactive page is written whole before its circuit starts, so it reads well but saves nothing until the circuit
// is up. When the circuit has not started after a while, the page says so and offers a reload, instead of staying
// silently inert. Blazor stops without a word when, for one, the session ends between the page and its circuit (a
// sign-out elsewhere, a role change): its first request is answered with the sign-in page, which it cannot read. A
// reload then leads to the sign-in page and back. A proxy that refuses WebSockets, or a server restarted in between,
// end the same way.
(() => {
    const waitMs = 10_000; // a circuit starts in well under a second; a loaded machine has taken 20 s
    const notStarted = () => document.querySelector('[data-interactive=false]:not([data-render=static])') !== null;

    if (!notStarted()) {
        return;
    }

    setTimeout(() => {
        if (!notStarted() || document.getElementById('circuit-notice')) {
            return;
        }

        const notice = document.createElement('div');
        notice.id = 'circuit-notice';
        notice.setAttribute('role', 'alert');
        notice.append('This page could not connect to the server: it shows what was saved, but cannot change anything. ');
        const reload = document.createElement('a');
        reload.href = location.href;
        reload.textContent = 'Reload';
        notice.append(reload);
        document.body.append(notice);

        // A circuit that starts after all takes the notice away.
        const watch = new MutationObserver(() => {
            if (!notStarted()) {
                notice.remove();
                watch.disconnect();
            }
        });
        watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-interactive'], childList: true });
    }, waitMs);
})();
