// What a statically rendered page (no circuit, data-render="static") needs of script: the layout's menu button and
// colour scheme, and GET filter forms with name pickers. Listeners sit on the document, so they keep working while
// enhanced navigation swaps pages in; interactive pages are left to their circuit.
(() => {
    const themeKey = 'talkstracker.theme'; // shared with theme.js, so the choice holds on interactive pages too
    const isStatic = () => document.querySelector('[data-render=static]') !== null;

    // Both palettes are in a static page; the light one, written last, is switched off for the dark choice or system.
    function applyScheme() {
        const choice = localStorage.getItem(themeKey);
        const media = choice === 'dark' ? 'not all' : choice === 'light' ? 'all' : '(prefers-color-scheme: light)';
        document.querySelectorAll('[data-palette=light] style').forEach(s => { s.media = media; });
        const button = document.querySelector('[data-render-static-scheme]');
        if (button) {
            const scheme = choice ?? 'system';
            const label = button.dataset['label' + scheme[0].toUpperCase() + scheme.slice(1)];
            button.dataset.scheme = scheme;
            button.setAttribute('aria-label', label);
            button.title = label;
            button.querySelector('svg').innerHTML = button.dataset['icon' + scheme[0].toUpperCase() + scheme.slice(1)];
        }
    }

    // The drawer is written open; below its breakpoint MudBlazor's CSS hides it until the menu button is used.
    function toggleDrawer() {
        const drawer = document.querySelector('.mud-drawer');
        const layout = document.querySelector('.mud-layout');
        const wide = matchMedia('(min-width: 960px)').matches;
        const open = drawer.classList.contains('mud-drawer--open') && (wide || !drawer.classList.contains('mud-drawer--initial'));
        drawer.classList.remove('mud-drawer--initial');
        drawer.classList.toggle('mud-drawer--open', !open);
        drawer.classList.toggle('mud-drawer--closed', open);
        layout.classList.toggle('mud-drawer-open-responsive-md-left', !open);
        layout.classList.toggle('mud-drawer-close-responsive-md-left', open);
    }

    document.addEventListener('click', e => {
        if (!isStatic()) {
            return;
        }

        if (e.target.closest('[data-action=toggle-drawer]')) {
            toggleDrawer();
        } else if (e.target.closest('[data-render-static-scheme]')) {
            const next = { null: 'dark', dark: 'light', light: null }[localStorage.getItem(themeKey)];
            if (next) {
                localStorage.setItem(themeKey, next);
            } else {
                localStorage.removeItem(themeKey);
            }

            applyScheme();
        }
    });

    // A filter form navigates to its URL without the empty fields, so links stay as short as the ones pages write.
    function submitFilters(form) {
        const url = new URL(form.action);
        for (const [key, value] of new FormData(form)) {
            if (value !== '') {
                url.searchParams.append(key, value);
            }
        }

        const target = url.pathname + url.search;
        if (window.Blazor?.navigateTo) {
            Blazor.navigateTo(target);
        } else {
            location.assign(target);
        }
    }

    document.addEventListener('submit', e => {
        if (e.target.matches('form[data-filter-form]')) {
            e.preventDefault();
            submitFilters(e.target);
        }
    });

    // Lists apply when chosen; dates when left or Enter is pressed (each digit typed would otherwise be a new page).
    document.addEventListener('change', e => {
        if (e.target.matches('form[data-filter-form] select')) {
            e.target.form.requestSubmit();
        }
    });
    document.addEventListener('focusout', e => {
        const box = e.target;
        if (box.matches?.('form[data-filter-form] input[type=date]') && box.value !== box.defaultValue) {
            box.form.requestSubmit();
        }
    });

    // Name pickers: the datalist offers the names the API finds for the text; the hidden field takes the chosen id.
    const idField = box => document.getElementById(box.dataset.idField);
    const listOf = box => document.getElementById(box.getAttribute('list'));

    function match(box) {
        const options = [...listOf(box).options];
        const text = box.value.trim();
        const exact = options.find(o => o.value === text);
        const alike = options.filter(o => o.value.toLowerCase() === text.toLowerCase());
        const found = exact ?? (alike.length === 1 ? alike[0] : null);
        idField(box).value = found?.dataset.id ?? '';
        return found;
    }

    const pending = new WeakMap();

    async function offer(box) {
        const text = box.value.trim();
        const asked = (pending.get(box)?.asked ?? 0) + 1;
        pending.set(box, { asked });
        const response = await fetch(`${box.dataset.names}?q=${encodeURIComponent(text)}`, { headers: { Accept: 'application/json' } });
        if (!response.ok || pending.get(box)?.asked !== asked) {
            return; // refused, or a later keystroke asked again
        }

        const names = await response.json();
        listOf(box).replaceChildren(...names.map(n => {
            const option = document.createElement('option');
            option.value = n.name;
            option.dataset.id = n.id;
            // Found by an alias ("ankara" finds Turkey): the browser lists only options whose text holds what is typed.
            if (text && !n.name.toLowerCase().includes(text.toLowerCase())) {
                option.label = `${n.name} (matches “${text}”)`;
            }
            return option;
        }));
        match(box);
    }

    const timers = new WeakMap();

    document.addEventListener('input', e => {
        const box = e.target;
        if (!box.dataset?.names) {
            return;
        }

        const had = idField(box).defaultValue;
        if (box.value === '') {
            idField(box).value = '';
            if (had) {
                box.form.requestSubmit(); // cleared: the filter goes
            }
            return;
        }

        // A name picked from the list arrives whole, not typed: apply it at once.
        const picked = !(e instanceof InputEvent) || e.inputType === 'insertReplacementText';
        if (match(box) && picked) {
            box.form.requestSubmit();
            return;
        }

        clearTimeout(timers.get(box));
        timers.set(box, setTimeout(() => offer(box), 250));
    });

    // After a link to another page, focus goes to its heading as FocusOnNavigate does on interactive pages, so a
    // screen reader starts there; a filter form keeps focus on the control used.
    function afterNavigation() {
        applyScheme();
        const h1 = document.querySelector('[data-render=static] h1');
        if (h1 && (document.activeElement === document.body || !document.activeElement?.isConnected)) {
            h1.tabIndex = -1;
            h1.focus({ preventScroll: true });
        }
    }

    applyScheme();
    window.Blazor?.addEventListener?.('enhancedload', afterNavigation);
})();
