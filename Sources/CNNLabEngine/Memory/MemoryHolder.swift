/// Something that holds memory in a session: a variable, the activations, the weights.
public struct MemoryHolder: Sendable, Equatable {
    public var name: String
    public var bytes: Int

    public init(name: String, bytes: Int) {
        self.name = name
        self.bytes = bytes
    }
}
