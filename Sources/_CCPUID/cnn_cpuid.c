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
    // The rest of what haswell, the SIMD8 module's target, may use: MOVBE, F16C, BMI1, BMI2
    // and LZCNT (every CPU with AVX2 has them; checked so no instruction is left to chance).
    unsigned a, b, c, d;
    int lzcnt = __get_cpuid(0x80000001, &a, &b, &c, &d) && ((c >> 5) & 1);
    int rest = ((ecx1 >> 22) & 1) && ((ecx1 >> 29) & 1) && ((ebx7 >> 3) & 1) && ((ebx7 >> 8) & 1) && lzcnt;
    return fma && avx && avx2 && ymm && rest;
}

int cnn_cpu_has_avx512(void) {
    unsigned ecx1, ebx7; unsigned long long xcr0;
    cnn_cpuid_words(&ecx1, &ebx7, &xcr0);
    // F, DQ, CD, BW, VL: all that skylake-avx512, the SIMD16 module's target, may use.
    unsigned want = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
    int zmm = (xcr0 & 0xE6) == 0xE6;  // SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM state
    return cnn_cpu_has_avx2_fma() && (ebx7 & want) == want && zmm;
}

#else

int cnn_cpu_has_avx2_fma(void) { return 0; }
int cnn_cpu_has_avx512(void) { return 0; }

#endif
