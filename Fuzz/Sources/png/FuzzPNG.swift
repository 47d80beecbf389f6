import CNNLabEngine

/// PNG images: each input, given the format's magic bytes if it lacks them, is decoded
/// through `ImageCodec` (what `image "file"` and `load` use).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let magic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: magic) { bytes = magic + bytes }
    _ = try? ImageCodec.decode(bytes)
    return 0
}
