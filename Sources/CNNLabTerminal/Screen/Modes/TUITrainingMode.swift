import CNNLabEngine

/// The training's part of the TUI: the live view while `train` runs (progress, the loss and
/// accuracy curves) and the report when it ends. The engine calls back after each batch; the
/// controller redraws from here, a few times a second.
enum TUITrainingMode {
    /// The most loss values kept for the curve (older ones are thinned out).
    static let maxPoints = 400

    /// Records a batch's progress; true when it is worth a redraw now.
    static func progress(_ p: TrainingProgress, _ state: inout TUIState, now: Double) -> Bool {
        var view = state.training ?? TUIState.TrainingView()
        view.progress = p
        view.report = nil
        view.losses.append(p.loss)
        if view.losses.count > maxPoints { view.losses = stride(from: 0, to: view.losses.count, by: 2).map { view.losses[$0] } }
        if let epoch = p.finished { view.epochs.append(epoch) }
        if let snapshot = p.snapshot { view.snapshot = snapshot }
        let due = p.finished != nil || now - view.lastDrawn >= 0.1
        if due { view.lastDrawn = now }
        state.training = view
        return due
    }

    /// Shows a training report; false for other results.
    static func show(_ result: CommandResult, _ state: inout TUIState) -> Bool {
        guard case .trained(let report) = result else {
            if state.training?.report != nil { state.training = nil }  // the panes come back
            return false
        }
        var view = state.training ?? TUIState.TrainingView()
        view.report = report
        view.progress = nil
        view.epochs = report.epochs
        state.training = view
        state.quiz = nil
        return true
    }
}
