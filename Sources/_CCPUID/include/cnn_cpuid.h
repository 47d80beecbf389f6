#ifndef CNN_CPUID_H
#define CNN_CPUID_H

/// What the running CPU and operating system can execute, for choosing a kernel set when
/// cnnlab starts: each is 1 when the instructions exist *and* the OS saves their registers
/// (XCR0), 0 otherwise (and always 0 on a CPU that is not x86-64).
int cnn_cpu_has_avx2_fma(void);
/// AVX-512 Foundation, DQ, BW and VL, with the zmm and mask state enabled by the OS.
int cnn_cpu_has_avx512(void);

#endif
