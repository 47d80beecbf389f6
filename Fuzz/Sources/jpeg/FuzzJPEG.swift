import CNNLabEngine

/// JPEG images: each input, given the format's magic bytes if it lacks them, is decoded
/// through `ImageCodec` (what `image "file"` and `load` use).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let magic: [UInt8] = [0xFF, 0xD8, 0xFF]
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: magic) { bytes = magic + bytes }
    _ = try? ImageCodec.decode(bytes)
    return 0
}
