// The reader's choice of colour scheme, kept in this browser: "dark", "light", or nothing (follow the system).
const key = 'talkstracker.theme';

export function get() {
    return localStorage.getItem(key);
}

export function set(choice) {
    if (choice) {
        localStorage.setItem(key, choice);
    } else {
        localStorage.removeItem(key);
    }
}
