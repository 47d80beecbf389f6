// GNU readline and history for cnnlab's REPL (libreadline-dev). GPL-3.0: see README.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
