// CPUID and XGETBV, which Swift cannot issue itself. No numerics here: ConvCore's kernels stay
// pure Swift; this only tells ConvCore which of its kernel modules the CPU can run.
#include "cnn_cpuid.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

/// Leaf 1 ECX, leaf 7 EBX and XCR0, or zeros where a leaf is missing.
static void cnn_cpuid_words(unsigned *ecx1, unsigned *ebx7, unsigned long long *xcr0) {
    unsigned a, b, c, d;
    *ecx1 = 0; *ebx7 = 0; *xcr0 = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return;
    *ecx1 = c;
    if (c & (1u << 27)) {  // OSXSAVE: XGETBV is usable
        unsigned lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        *xcr0 = ((unsigned long long)hi << 32) | lo;
    }
    if (__get_cpuid_max(0, 0) >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        *ebx7 = b;
    }
}

int cnn_cpu_has_avx2_fma(void) {
    unsigned ecx1, ebx7; unsigned long long xcr0;
    cnn_cpuid_words(&ecx1, &ebx7, &xcr0);
    int fma = (ecx1 >> 12) & 1, avx = (ecx1 >> 28) & 1, avx2 = (ebx7 >> 5) & 1;
    int ymm = (xcr0 & 0x6) == 0x6;  // SSE and AVX state
    return fma && avx && avx2 && ymm;
}

int cnn_cpu_has_avx512(void) {
    unsigned ecx1, ebx7; unsigned long long xcr0;
    cnn_cpuid_words(&ecx1, &ebx7, &xcr0);
    unsigned want = (1u << 16) | (1u << 17) | (1u << 30) | (1u << 31);  // F, DQ, BW, VL
    int zmm = (xcr0 & 0xE6) == 0xE6;  // SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM state
    return cnn_cpu_has_avx2_fma() && (ebx7 & want) == want && zmm;
}

#else

int cnn_cpu_has_avx2_fma(void) { return 0; }
int cnn_cpu_has_avx512(void) { return 0; }

#endif
