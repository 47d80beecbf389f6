// libjpeg-turbo (libjpeg-dev) for reading JPEG images.
#include <stdio.h>
#include <jpeglib.h>
