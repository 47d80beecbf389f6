// GNU readline and history for cnnlab's REPL (libreadline-dev). GPL-3.0: see README.
#include <signal.h>
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// struct sigaction's handler is a union field whose name differs between glibc
// (__sigaction_handler.sa_handler) and Darwin (__sigaction_u.__sa_handler); both libraries
// define the sa_handler macro, which Swift does not import.
static inline void cnn_set_sa_handler(struct sigaction *action, void (*handler)(int)) {
    action->sa_handler = handler;
}
