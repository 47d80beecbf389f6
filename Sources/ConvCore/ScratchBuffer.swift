/// A growable, uninitialised Float buffer owned by one thread, so kernels can reuse memory
/// across images and calls instead of allocating arrays in their loops.
final class ScratchBuffer {
    private var pointer: UnsafeMutablePointer<Float>?
    private var capacity = 0

    /// A buffer of at least `count` elements. Its contents are unspecified, and it stays valid
    /// until the next `reserve` or until the buffer is released.
    func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
        if let p = pointer, capacity >= count { return p }
        pointer?.deallocate()
        let size = max(count, 1)
        let p = UnsafeMutablePointer<Float>.allocate(capacity: size)
        pointer = p
        capacity = size
        return p
    }

    deinit { pointer?.deallocate() }
}
