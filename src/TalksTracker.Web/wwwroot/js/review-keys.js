// Keyboard review: a accept, r reject, j / ArrowDown next, k / ArrowUp previous. Keys typed into a field are the field's.
const keys = new Set(['a', 'r', 'j', 'k', 'ArrowDown', 'ArrowUp']);

export function listen(dotnet) {
    const handler = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || !keys.has(event.key)) {
            return;
        }

        const target = event.target;
        if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
            return;
        }

        // An open picker list takes its own arrow keys.
        if (document.querySelector('.mud-popover-open')) {
            return;
        }

        event.preventDefault();
        dotnet.invokeMethodAsync('OnReviewKey', event.key);
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}

export function reveal(id) {
    document.querySelector(`[data-proposal-id="${id}"]`)?.scrollIntoView({ block: 'nearest' });
}
