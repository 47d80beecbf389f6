import ConvCore

/// The state a user builds up: the network, named tensors, settings.
public final class Session {
    public init() {}
}
