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

    // Live changes without a circuit (docs/persistence.md, "Live changes"): a page marked data-live="<version>" listens
    // to the change stream; saves newer than its version that concern meetings or claims are counted behind a polite
    // "N new changes — show", since inserting them would move what is being read. Showing is an enhanced refresh.
    let source = null;
    let newChanges = 0;

    function closeStream() {
        source?.close();
        source = null;
        newChanges = 0;
    }

    function showNotice() {
        const notice = document.querySelector('[data-live-notice]');
        if (!notice) {
            return;
        }

        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'mud-button-root mud-button mud-button-text mud-button-text-primary mud-button-text-size-small';
        button.dataset.action = 'live-show';
        const label = document.createElement('span');
        label.className = 'mud-button-label';
        label.textContent = `${newChanges} new change${newChanges === 1 ? '' : 's'} — show`;
        button.append(label);
        notice.replaceChildren(button);
    }

    function onChange(e) {
        const marker = document.querySelector('[data-live]');
        const change = JSON.parse(e.data);
        // A page may name the kinds of record it shows (data-live-kinds); the timeline's are the default.
        const kinds = (marker?.dataset.liveKinds ?? 'Meeting Claim Position').split(' ');
        if (!marker || change.version <= Number(marker.dataset.live) || !change.kinds.some(k => kinds.includes(k))) {
            return;
        }

        newChanges += change.count;
        showNotice();
    }

    // A tab in the background lets go of its stream and, shown again, follows it from its page's version, which sends
    // what was saved meanwhile as one event. Over HTTP/1.1 a browser keeps six connections to a server: six reading
    // tabs each holding a stream would take them all, and the next page would never load.
    function followChanges() {
        const marker = document.querySelector('[data-live]');
        if (!marker || document.hidden) {
            closeStream();
            return;
        }

        newChanges = 0; // the page just read holds what was counted
        if (!source) {
            source = new EventSource(marker.dataset.liveStream); // same origin: connect-src 'self'
            source.addEventListener('change', onChange);
        }
    }

    function showChanges() {
        const y = scrollY;
        document.querySelector('[data-live-notice]')?.replaceChildren();
        if (window.Blazor?.navigateTo) {
            restoreScrollTo = y;
            Blazor.navigateTo(location.href, { forceLoad: false, replaceHistoryEntry: true });
        } else {
            location.reload();
        }
    }

    let restoreScrollTo = null;
    document.addEventListener('click', e => {
        if (e.target.closest('[data-action=live-show]')) {
            showChanges();
        }
    });

    addEventListener('pagehide', closeStream);
    document.addEventListener('visibilitychange', followChanges);
    addEventListener('pageshow', e => {
        if (e.persisted) {
            followChanges(); // back from the cache: its stream was closed on leaving
        }
    });

    // A chart bar's tooltip is its whole text (title, date, status), given when the pointer first reaches it rather
    // than written into each of up to a thousand bars (#26).
    document.addEventListener('pointerover', e => {
        const bar = e.target.closest?.('.tl-bar');
        if (bar && !bar.title) {
            bar.title = bar.textContent;
        }
    });

    // The timeline chart (#23), beyond Tab and Enter: arrows move between meetings (left and right along a lane, up and
    // down to the nearest meeting of the next lane), + and - follow the zoom links.
    document.addEventListener('keydown', e => {
        const chart = e.target.closest?.('[data-chart]');
        if (!chart || e.altKey || e.ctrlKey || e.metaKey) {
            return;
        }

        if (e.key === '+' || e.key === '-') {
            const zoom = chart.querySelector(`[data-chart-nav=${e.key === '+' ? 'zoom-in' : 'zoom-out'}]`);
            if (zoom) {
                e.preventDefault();
                zoom.click();
            }
            return;
        }

        const bar = e.target.closest('.tl-bar');
        if (!bar) {
            return;
        }

        const lane = bar.closest('.tl-lane');
        const bars = [...lane.querySelectorAll('.tl-bar')];
        const lanes = [...chart.querySelectorAll('.tl-lane')].filter(l => l.querySelector('.tl-bar'));
        const left = b => b.getBoundingClientRect().left;
        let next;
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            next = bars[bars.indexOf(bar) + (e.key === 'ArrowRight' ? 1 : -1)];
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            const other = lanes[lanes.indexOf(lane) + (e.key === 'ArrowDown' ? 1 : -1)];
            next = other && [...other.querySelectorAll('.tl-bar')]
                .reduce((a, b) => Math.abs(left(b) - left(bar)) < Math.abs(left(a) - left(bar)) ? b : a);
        }

        if (next) {
            e.preventDefault();
            next.focus();
        }
    });

    applyScheme();
    followChanges();
    window.Blazor?.addEventListener?.('enhancedload', () => {
        afterNavigation();
        followChanges();
        if (restoreScrollTo !== null) {
            scrollTo(0, restoreScrollTo); // the refreshed page keeps the reader's place
            restoreScrollTo = null;
        }
    });
})();

// Filters applied as they are typed (the source list, #26): a field marked data-submit-on-input submits its GET form
// 300 ms after the last keystroke, as the list's filter did in a circuit, rather than a page per character; Enter
// submits at once. Enhanced navigation keeps the field, so focus and the caret stay where they were.
(() => {
    const timers = new WeakMap();
    document.addEventListener('input', e => {
        const box = e.target;
        if (!box.matches?.('form[data-filter-form] input[data-submit-on-input]')) {
            return;
        }

        clearTimeout(timers.get(box));
        timers.set(box, setTimeout(() => box.isConnected && box.form.requestSubmit(), 300));
    });
})();
