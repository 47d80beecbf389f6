import CNNLabEngine
import FuzzSupport
import Foundation

/// Network files: each input is written to a file that `net load` reads into a session with a
/// network of its own; a bad file must leave it untouched with an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzSandbox.directory + "/input.cnn"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    let session = Session(threads: 1, workingDirectory: FuzzSandbox.directory)
    session.memoryLimit = FuzzSandbox.memoryLimit
    ScriptRunner.run("input 8x8x1; conv 2 f=3\nnet load \"input.cnn\"\nsummary", in: session, keepGoing: true) { _ in }
    return 0
}
