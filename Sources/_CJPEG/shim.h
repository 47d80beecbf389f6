// libjpeg-turbo (libjpeg-dev) for reading JPEG images.
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <jpeglib.h>

// A safe JPEG decoder for Swift, as static inline C (the same trick as the curses shims).
//
// libjpeg reports a fatal error by calling `error_exit`, which must not return: the default
// one calls exit(), and a Swift callback could only return into the decoder's broken state.
// The documented remedy is setjmp/longjmp, which Swift cannot do. So every libjpeg call runs
// inside one of the functions below, which set a jump point first; `error_exit` (and
// `emit_message` for warnings, which cnnlab treats as errors so that a truncated or corrupt
// file is refused rather than shown half grey) longjmp back to it. The jump only crosses
// libjpeg's C frames, never Swift ones. The TurboJPEG API (which returns error codes) would
// also do, but `libturbojpeg0-dev` is not among the packages cnnlab installs.

/// Decoding state: libjpeg's objects, the jump point and the last error message.
typedef struct cnn_jpeg_decoder {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_error_mgr err;
    struct jpeg_progress_mgr progress;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    int created;
} cnn_jpeg_decoder;

/// More scans than this in a progressive file is refused (a known denial-of-service pattern;
/// real encoders write about ten).
static const int cnn_jpeg_max_scans = 500;

static inline void cnn_jpeg_fail(j_common_ptr cinfo) {
    cnn_jpeg_decoder *d = (cnn_jpeg_decoder *)cinfo->client_data;
    (*cinfo->err->format_message)(cinfo, d->message);
    longjmp(d->jump, 1);
}

static inline void cnn_jpeg_message(j_common_ptr cinfo, int level) {
    if (level < 0) cnn_jpeg_fail(cinfo);
}

static inline void cnn_jpeg_progress(j_common_ptr cinfo) {
    cnn_jpeg_decoder *d = (cnn_jpeg_decoder *)cinfo->client_data;
    if (d->cinfo.input_scan_number > cnn_jpeg_max_scans) {
        snprintf(d->message, JMSG_LENGTH_MAX, "more than %d progressive scans", cnn_jpeg_max_scans);
        longjmp(d->jump, 1);
    }
}

/// A zeroed decoder, or NULL if memory is exhausted. Free it with `cnn_jpeg_free`.
static inline cnn_jpeg_decoder *cnn_jpeg_new(void) {
    return (cnn_jpeg_decoder *)calloc(1, sizeof(cnn_jpeg_decoder));
}

static inline void cnn_jpeg_free(cnn_jpeg_decoder *d) {
    if (d == NULL) return;
    if (d->created) jpeg_destroy_decompress(&d->cinfo);
    free(d);
}

/// Reads the header of the `size` bytes at `data` (which must outlive the decoder) and picks
/// the output colour space: gray stays gray, CMYK/YCCK come out as CMYK, the rest as RGB.
/// Returns 0, or -1 with `message` set.
static inline int cnn_jpeg_read_header(cnn_jpeg_decoder *d, const unsigned char *data, unsigned long size) {
    d->cinfo.err = jpeg_std_error(&d->err);
    d->err.error_exit = cnn_jpeg_fail;
    d->err.emit_message = cnn_jpeg_message;
    d->cinfo.client_data = d;
    if (setjmp(d->jump)) return -1;
    jpeg_create_decompress(&d->cinfo);
    d->created = 1;
    d->progress.progress_monitor = cnn_jpeg_progress;
    d->cinfo.progress = &d->progress;
    jpeg_mem_src(&d->cinfo, data, size);
    jpeg_read_header(&d->cinfo, TRUE);
    switch (d->cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE: d->cinfo.out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK: case JCS_YCCK: d->cinfo.out_color_space = JCS_CMYK; break;
    default: d->cinfo.out_color_space = JCS_RGB; break;
    }
    return 0;
}

static inline unsigned int cnn_jpeg_width(const cnn_jpeg_decoder *d) { return d->cinfo.image_width; }
static inline unsigned int cnn_jpeg_height(const cnn_jpeg_decoder *d) { return d->cinfo.image_height; }
/// Samples per pixel of the output: 1 (gray), 3 (RGB) or 4 (CMYK).
static inline int cnn_jpeg_components(const cnn_jpeg_decoder *d) {
    switch (d->cinfo.out_color_space) {
    case JCS_GRAYSCALE: return 1;
    case JCS_CMYK: return 4;
    default: return 3;
    }
}
/// Whether the file has an Adobe APP14 marker, whose CMYK samples are stored inverted.
static inline int cnn_jpeg_adobe(const cnn_jpeg_decoder *d) { return d->cinfo.saw_Adobe_marker; }

/// Decodes the pixels into `out`, row after row, after checking that the output needs exactly
/// `capacity` bytes. Returns 0, or -1 with `message` set.
static inline int cnn_jpeg_read_pixels(cnn_jpeg_decoder *d, unsigned char *out, size_t capacity) {
    if (setjmp(d->jump)) return -1;
    jpeg_start_decompress(&d->cinfo);
    size_t row = (size_t)d->cinfo.output_width * (size_t)d->cinfo.output_components;
    if (row * (size_t)d->cinfo.output_height != capacity) {
        snprintf(d->message, JMSG_LENGTH_MAX, "decoded size differs from the header");
        return -1;
    }
    while (d->cinfo.output_scanline < d->cinfo.output_height) {
        JSAMPROW rows[1] = { out + row * d->cinfo.output_scanline };
        if (jpeg_read_scanlines(&d->cinfo, rows, 1) != 1) {
            snprintf(d->message, JMSG_LENGTH_MAX, "the decoder stopped before the last row");
            return -1;
        }
    }
    jpeg_finish_decompress(&d->cinfo);
    return 0;
}

static inline const char *cnn_jpeg_error(const cnn_jpeg_decoder *d) { return d->message; }
