/// An in-memory ``ScreenDriver`` for tests: it records every frame drawn and hands out a
/// scripted list of events (a `.resize` event also changes its size, as a terminal would).
public final class MemoryScreen: ScreenDriver {
    public private(set) var size: ScreenSize
    /// Every grid drawn, oldest first.
    public private(set) var frames: [CellGrid] = []
    /// Events still to deliver, in order.
    public var pendingEvents: [ScreenEvent]

    public init(width: Int, height: Int, events: [ScreenEvent] = []) {
        self.size = ScreenSize(width: width, height: height)
        self.pendingEvents = events
    }

    /// The last frame drawn.
    public var lastFrame: CellGrid? { frames.last }

    public func draw(_ grid: CellGrid) {
        frames.append(grid)
    }

    /// The next scripted event, or nil when the script is exhausted.
    public func nextEvent(timeout: Duration?) -> ScreenEvent? {
        guard !pendingEvents.isEmpty else { return nil }
        let event = pendingEvents.removeFirst()
        if case .resize(let w, let h) = event { size = ScreenSize(width: w, height: h) }
        return event
    }

    /// Appends key events for every character of `text` (`\n` becomes Enter).
    public func type(_ text: String) {
        pendingEvents += text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) }
    }
}
