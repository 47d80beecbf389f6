import CNNLabEngine
import FuzzSupport

/// The command language: each input is a script, lexed, parsed and run on a fresh session
/// that keeps going after errors. Any trap is a finding; diagnostics are fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let script = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let session = Session(threads: 1, workingDirectory: FuzzSandbox.directory)
    session.memoryLimit = FuzzSandbox.memoryLimit
    ScriptRunner.run(script, in: session, keepGoing: true) { _ in }
    return 0
}
