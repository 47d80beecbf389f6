/// Calls `body` with the elements of `array`, or with nil when there is no array.
func withOptionalBuffer<R>(_ array: [Float]?, _ body: (UnsafeBufferPointer<Float>?) -> R) -> R {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0) }
}
