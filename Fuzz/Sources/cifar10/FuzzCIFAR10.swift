import CNNLabEngine

/// CIFAR-10 binary batches: each input is decoded as one batch file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIFAR10(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? CIFAR10Reader.decode([(bytes: Array(UnsafeBufferPointer(start: data, count: size)), path: "data_batch_1.bin")])
    return 0
}
