import CNNLabEngine
import ConvCore
import Dispatch

/// `cnnlab bench --cases redraw`: lays out a full 200×60 TUI screen (LeNet-5 in the network
/// pane, a 64×64 feature map in the viewer, a full output pane) and paints it into a memory
/// screen, as the curses driver would before its diff; the median of `repetitions` runs.
public enum RedrawBenchmark {
    /// Milliseconds per frame (median), at `width`×`height`.
    public static func run(width: Int = 200, height: Int = 60, repetitions: Int = 50) throws -> Double {
        let session = Session()
        ScriptRunner.run(ExampleNetworks.script("lenet5") ?? "", in: session, keepGoing: false) { _ in }
        var state = TUIState()
        state.reports = try session.analyze()
        state.selectedLayer = 3
        let map = try Tensor(shape: [64, 64], storage: (0..<4096).map { i in Float((i % 64) - 32) * Float(i / 64) / 64 })
        state.viewerTensor = NamedTensor(name: "a[1]", tensor: map)
        state.output = (0..<200).map { TUIState.OutputLine("line \($0) of earlier output", .result) }
        let screen = MemoryScreen(width: width, height: height)
        var times: [Double] = []
        for _ in 0..<(repetitions + 3) {
            let start = DispatchTime.now().uptimeNanoseconds
            screen.draw(TUILayout.render(state, width: width, height: height))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let timed = times.dropFirst(3).sorted()
        return timed[timed.count / 2]
    }
}
