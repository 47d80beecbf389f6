// libpng (libpng-dev) for reading and writing PNG images.
#include <png.h>
