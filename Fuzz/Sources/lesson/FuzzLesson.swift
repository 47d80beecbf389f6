import CNNLabEngine

/// Lesson files: each input is parsed as a `.lesson`; problems are reported, never trapped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = LessonParser.parse(text, path: "fuzz.lesson", directory: "/nonexistent")
    return 0
}
