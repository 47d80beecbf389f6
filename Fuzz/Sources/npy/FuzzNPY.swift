import CNNLabEngine

/// `.npy` files: each input is decoded as one; a damaged file is an error, never a trap or a
/// huge allocation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? NPYFormat.decode(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
