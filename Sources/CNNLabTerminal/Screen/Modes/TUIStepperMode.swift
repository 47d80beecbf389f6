/// The convolution stepper's keys: Space/→ next window, ← back, Enter to the end, Esc leaves.
enum TUIStepperMode {
    /// What a key does to the stepper shown.
    enum Action: Equatable {
        case show(Int)
        case leave
    }

    /// The action for `key` on `view`, or nil when the key is not the stepper's.
    static func action(for key: Key, _ view: TUIState.StepperView) -> Action? {
        let last = view.stepper.stepCount - 1
        switch key {
        case .character(" "), .right: return .show(min(view.current + 1, last))
        case .left: return .show(max(0, view.current - 1))
        case .enter: return .show(last)
        case .escape: return .leave
        default: return nil
        }
    }

    /// Applies `key` to the state; false when it is not a stepper key.
    static func handle(_ key: Key, _ state: inout TUIState) -> Bool {
        guard let view = state.stepper, let action = action(for: key, view) else { return false }
        switch action {
        case .show(let index): state.stepper?.current = index
        case .leave:
            state.stepper = nil
            state.focus = .commandLine
        }
        return true
    }
}
