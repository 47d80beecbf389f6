import CNNLabEngine

/// MNIST's IDX files: the input's first byte says where it splits into an images file and a
/// labels file, which are decoded as a pair.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    let cut = rest.isEmpty ? 0 : Int(first) * rest.count / 255
    _ = try? IDXReader.decode(images: Array(rest[..<cut]), labels: Array(rest[cut...]), imagesPath: "images", labelsPath: "labels")
    return 0
}
