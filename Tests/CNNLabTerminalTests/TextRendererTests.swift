import Testing
@testable import CNNLabTerminal

@Test func placeholder() {}
