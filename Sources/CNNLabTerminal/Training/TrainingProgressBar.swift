import CNNLabEngine
import Foundation

/// The one-line progress bar `train` redraws on a terminal's standard error:
/// `epoch 3/10 [██████░░░░░░] 45% loss 0.3120 · 4.2 s, 5.1 s left · 9,302 ex/s`.
public enum TrainingProgressBar {
    /// Returns to the start of the line and erases it.
    public static let clear = "\r\u{1B}[K"

    /// The bar for `p`, starting with ``clear``.
    public static func line(_ p: TrainingProgress, language L: Language, width: Int = 24) -> String {
        let total = max(1, p.epochs)
        let withinEpoch = p.examples > 0 ? Double(p.done) / Double(p.examples) : 0
        let fraction = min(1, max(0, (Double(p.epoch - 1) + withinEpoch) / Double(total)))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let left = fraction > 0 ? p.seconds * (1 - fraction) / fraction : 0
        let percent = Int((fraction * 100).rounded(.down))
        return clear + L.pick("epoch", "época") + " \(p.epoch)/\(total) [\(bar)] \(percent)% "
            + L.pick("loss ", "perda ") + TrainingRenderer.decimal(p.loss, 4, L) + " · "
            + TrainingRenderer.decimal(p.seconds, 1, L) + " s, " + TrainingRenderer.decimal(left, 1, L) + L.pick(" s left", " s restantes")
            + (p.examplesPerSecond > 0 ? " · " + NumberFormat.rate(p.examplesPerSecond, L) + " ex/s" : "")
    }

    /// What a line-oriented front end (the REPL, batch mode, `cnnlab train`) hands the session
    /// as ``Session/trainingProgress`` when standard error is a terminal: the bar, redrawn at
    /// most ten times a second, and with `epochLines` each finished epoch as a line of its own
    /// above it (for when the report goes elsewhere: standard output to a file or a pipe; on the
    /// same terminal the report's own table would repeat them).
    public static func reporter(language L: Language, epochLines: Bool, write: @escaping (String) -> Void) -> (TrainingProgress) -> Void {
        var lastDrawn = -1.0
        var headerShown = false
        return { p in
            if let epoch = p.finished, epochLines {
                if !headerShown { write(clear + TrainingRenderer.header(L) + "\n") }
                headerShown = true
                write(clear + TrainingRenderer.epochLine(epoch, L) + "\n")  // the next batch redraws the bar
            } else if p.finished != nil {
                write(clear)  // what is printed next (the report, an error) starts on a clean line
            } else if p.seconds - lastDrawn >= 0.1 {
                lastDrawn = p.seconds
                write(line(p, language: L))
            }
        }
    }
}
