// ncursesw for cnnlab's full-screen TUI (libncursesw5-dev). SwiftPM drops pkg-config's
// -D_XOPEN_SOURCE, so the wide-character API is switched on here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift does not import, as functions and constants.
static inline WINDOW *cnn_stdscr(void) { return stdscr; }
static inline int cnn_lines(void) { return LINES; }
static inline int cnn_cols(void) { return COLS; }
static inline int cnn_colors(void) { return COLORS; }
static inline int cnn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnn_key_f(int n) { return KEY_F(n); }
static const attr_t cnn_A_BOLD = A_BOLD;
static const attr_t cnn_A_REVERSE = A_REVERSE;
static const attr_t cnn_A_DIM = A_DIM;
static const attr_t cnn_A_UNDERLINE = A_UNDERLINE;
static inline attr_t cnn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

// A terminfo string capability of the terminal curses started on ("rmcup"), or NULL when it
// has none (tigetstr's (char *)-1 for "not a string capability" included).
static inline const char *cnn_terminfo_string(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1) ? 0 : s;
}

// struct sigaction's three-argument handler, through the sa_sigaction macro both glibc and
// Darwin define (the union field it names differs between them and is not imported portably).
static inline void cnn_set_sa_sigaction(struct sigaction *action, void (*handler)(int, siginfo_t *, void *)) {
    action->sa_sigaction = handler;
}
